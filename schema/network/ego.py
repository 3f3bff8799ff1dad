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


_NO_ID = strawberry.ID("")


def _nodes(rows: list[list[Any]],
           with_ids: bool) -> tuple[list[EgoNode], dict[str, strawberry.ID]]:
    """The nodes read from the graph (`[id, type, distance, label]` rows, of the types listed),
    nearest first, then by id (the actor first), and the global ID of each node's id. Global
    IDs are encoded only `with_ids` (shown, or needed by the ties): hundreds of nodes are
    listed, and an ID nobody reads is never served."""
    ordered = sorted(rows, key=lambda row: (row[2], row[0]))
    global_ids = {node_id: strawberry.ID(ids.encode(type_name, node_id))
                  for node_id, type_name, _, _ in ordered} if with_ids else {}
    nodes = [EgoNode(id=global_ids.get(node_id, _NO_ID), type=_TYPES[type_name],
                     label=label or "", distance=distance)
             for node_id, type_name, distance, label in ordered]
    return nodes, global_ids


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
    kept = [fragment("network/ego_network_kept", level=level, nearer_count=nearer_count,
                     count=count)
            for level, nearer_count, count in zip(levels, ["0", *counts[:-1]], counts,
                                                  strict=True)]
    listed = "\n  + ".join(fragment("network/ego_network_listed", nodes=nodes,
                                    distance=str(distance))
                           for distance, nodes in enumerate(["[ego]", *kept]))
    return cypher.rendered(
        "queries/network/ego_network", label=kind.label, visible=kind.visibility_of("ego"),
        types=ties.types, tie=ties.predicate, levels=further_levels, listed=listed,
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
        nodes, global_ids = _nodes(record["nodes"], with_ties or selected("nodes.id"))
        found = [Tie(source=global_ids[tie["source"]], target=global_ids[tie["target"]],
                     kind=tie_kind(tie["type"], tie["community"]))
                 for tie in record["ties"]]
        found.sort(key=lambda tie: (tie.source, tie.target, tie.kind.name))
        return EgoNetwork(nodes=nodes, ties=found, truncated=record["more"])

    return AnswerPlan(answer)
