"""`egoNetwork`: an actor's neighbourhood, the nodes within a few ties of it and every tie among
them, with the kind of each, ready for a graph view in one round trip.

The ties are those of `connectionPath` (`queries/network/tie`), under the same access rules.
The neighbourhood is bounded (EGO_NETWORK_MAX_NODES): the nearest nodes are kept first, those
at the same distance by id, and `truncated` says that some were left out; every node kept is
tied to a kept node one step nearer, so the network stays connected. Its nodes are light (an
ID, a type, a label) because there may be hundreds; `node(id:)` reads any of them in full.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from app import cypher, ids
from app.context import Context
from app.errors import BadUserInput, NotFound
from schema.network.ties import RelationKind, Ties, actor, bounded, tie_kind
from schema.plans import AnswerPlan, Selects

MAX_DEPTH = 3  # queries/network/ego_network reads up to three levels, one per distance


@strawberry.enum(description="What a node of an ego network is.")
class EgoNodeType(Enum):
    USER = "User"
    ORGANIZATION = "Organization"
    PROJECT = "Project"
    COMMUNITY = "Community"


_TYPES = {node_type.value: node_type for node_type in EgoNodeType}


@strawberry.type(description="A node of an ego network, and how far it is from the actor.")
class EgoNode:
    id: strawberry.ID = strawberry.field(description="The node's global ID.")
    type: EgoNodeType
    label: str = strawberry.field(description="A person's display name, an organization's or "
                                  "a community's name, a project's acronym (or title).")
    distance: int = strawberry.field(
        description="The fewest ties between it and the actor (0 for the actor itself).")


@strawberry.type(description="A tie between two nodes of an ego network, pointing the way its "
                 "relationship does (a person to the project they work on).")
class Tie:
    source: strawberry.ID = strawberry.field(
        description="The global ID of the node the tie starts from.")
    target: strawberry.ID = strawberry.field(
        description="The global ID of the node it leads to.")
    kind: RelationKind


@strawberry.type(description="An actor's neighbourhood: the nodes within some ties of it, "
                 "nearest first, and the ties among them.")
class EgoNetwork:
    nodes: list[EgoNode] = strawberry.field(
        description="The actor, then the other nodes, nearest first, then by ID.")
    ties: list[Tie] = strawberry.field(description="Every tie among the nodes.")
    truncated: bool = strawberry.field(
        description="Whether nodes within the depth were left out, the neighbourhood being "
        "larger than the API answers at once.")


def _node(row: list[Any], with_ids: bool) -> tuple[EgoNode, str] | None:
    """The node read from the graph (`[id, type, distance, label]`) and its node id; None for
    a node of no type the API knows. Its global ID is encoded only `with_ids` (shown, or needed by
    the ties): hundreds of nodes are listed, and an ID nobody reads is never served."""
    node_id, type_name, distance, label = row
    node_type = _TYPES.get(type_name)
    if node_type is None:
        return None
    global_id = strawberry.ID(ids.encode(type_name, node_id) if with_ids else "")
    return EgoNode(id=global_id, type=node_type, label=label or "", distance=distance), node_id


def listed_types(types: list[EgoNodeType] | None) -> list[str]:
    """The labels of the node types listed (every type when `types` is null); BAD_USER_INPUT
    for an empty list."""
    if types is not None and not types:
        raise BadUserInput("types must name at least one type of node", argument="types")
    return [node_type.value for node_type in dict.fromkeys(types or EgoNodeType)]


def ego_network_plan(of: strawberry.ID, depth: int = 1, via: list[RelationKind] | None = None,
                     types: list[EgoNodeType] | None = None) -> AnswerPlan:
    """The neighbourhood of the actor `of` within `depth` ties, as the EgoNetwork a domain
    function builds (its ties read only when selected); only nodes of `types` are listed,
    though the walk goes through every type."""
    ego = actor(of, "of")
    ties = Ties.of(via)
    checked_depth = bounded(depth, 1, MAX_DEPTH, "depth")
    node_types = listed_types(types)

    async def answer(context: Context, selected: Selects, _page: dict[str, Any]) -> EgoNetwork:
        text = cypher.rendered(
            "queries/network/ego_network", label=ego.kind.label,
            visible=ego.kind.visibility_of("ego"), types=ties.types, tie=ties.predicate)
        with_ties = selected("ties")
        [record] = await context.db.read(text, {
            "egoId": ego.node_id, "ties": ties.parameter, "depth": checked_depth,
            "nodeTypes": node_types,
            "maxNodes": context.settings.ego_network_max_nodes, "viewerId": context.viewer_id,
            "withTies": with_ties})
        if not record["found"]:
            raise NotFound(f"Could not resolve to a node with the global id of '{of}'")
        with_ids = with_ties or selected("nodes.id")
        read = [node_read for item in record["nodes"]
                if (node_read := _node(item, with_ids)) is not None]
        read.sort(key=lambda found: (found[0].distance, found[1]))
        global_ids = {node_id: node.id for node, node_id in read}
        found = [Tie(source=global_ids[tie["source"]], target=global_ids[tie["target"]],
                     kind=tie_kind(tie["type"], tie["community"]))
                 for tie in record["ties"]
                 if tie["source"] in global_ids and tie["target"] in global_ids]
        found.sort(key=lambda tie: (tie.source, tie.target, tie.kind.name))
        return EgoNetwork(nodes=[node for node, _ in read], ties=found, truncated=record["more"])

    return AnswerPlan(answer)
