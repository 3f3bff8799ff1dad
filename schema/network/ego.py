"""`egoNetwork`: an actor's neighbourhood, the nodes within a few ties of it and every tie among
them, with the kind of each, ready for a graph view in one round trip.

The ties are those of `connectionPath` (`queries/network/tie_<kind>`), under the same
access rules. The neighbourhood is bounded (EGO_NETWORK_MAX_NODES): the nearest nodes are kept
first, those at the same distance by id, and `truncated` says that some were left out; every
node kept is tied to a kept node one step nearer, so the network stays connected. Its nodes
are light (an ID, a type, a label) because there may be hundreds; `node(id:)` reads any of
them in full.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from itertools import accumulate, pairwise
from typing import Any

import strawberry

from app import cypher, ids
from app.context import Context
from app.errors import NotFound
from schema.loading import NodeKind, fragment
from schema.network.ties import RelationKind, Ties, actor, bounded, in_enum_order, tie_kind
from schema.plans import AnswerPlan, Selects

# The deepest walk: a cost bound, each tie of depth being one more level of the statement
# and reading the neighbours of every node of the level before.
MAX_DEPTH = 3


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
    return [node_type.value for node_type in in_enum_order(types, EgoNodeType, "types",
                                                           "type of node")]


@cache
def _statement(kind: NodeKind, ties: Ties, depth: int) -> str:
    """queries/network/ego_network for an actor of `kind` walking `depth` levels of `ties`:
    only what that walk needs is in the text. The variants stay few for Neo4j's plan cache
    (two kinds of actor, fifteen sets of kinds of tie, three depths): the types listed are a
    parameter."""
    levels = [f"level{number}" for number in range(1, depth + 1)]
    # how many nodes a level and the nearer ones hold: size(level1) + size(level2) + ...
    counts = list(accumulate((f"size({level})" for level in levels),
                             lambda nearer, size: f"{nearer} + {size}"))
    further_levels = "\n".join(fragment(
        "network/ego_network_level", level=level, previous=previous,
        nearer=", ".join(levels[:number]), nearer_count=counts[number - 1],
        unreached=" AND ".join(f"NOT y IN {nearer}" for nearer in levels[:number]),
        types=ties.types, tie=ties.predicate)
        for number, (previous, level) in enumerate(pairwise(levels), start=1))
    reached = "\n  + ".join(fragment(
        "network/ego_network_reached", level=level, nearer_count=nearer_count, count=count,
        distance=str(number))
        for number, (level, nearer_count, count) in enumerate(
            zip(levels, ["0", *counts[:-1]], counts, strict=True), start=1))
    return cypher.rendered(
        "queries/network/ego_network", label=kind.label, visible=kind.visibility_of("ego"),
        types=ties.types, tie=ties.predicate, levels=further_levels, reached=reached,
        reached_count=counts[-1])


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
        text = _statement(ego.kind, ties, checked_depth)
        with_ties = selected("ties")
        [record] = await context.db.read(text, {
            "egoId": ego.node_id, "nodeTypes": node_types,
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
