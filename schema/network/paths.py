"""`connectionPath`: the shortest ways two actors are connected through shared projects,
organizations and communities, every hop explained.

All the paths of the fewest ties are found (Neo4j's ALL SHORTEST, bounded to `maxHops`), at
most NETWORK_MAX_PATHS of them; each tie passes the viewer's access rules as it is walked
(`queries/network/tie_<kind>`), so a path never goes through a community, or a membership,
that the viewer may not see. Two round trips: the paths, then the objects on them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import strawberry

from app import cypher
from app.context import Context
from app.errors import NotFound
from schema.network.ties import RelationKind, Ties, actor, bounded, tie_kind
from schema.node import Node, resolve_labelled

DEFAULT_HOPS = 4
MAX_HOPS = 6


@strawberry.enum(description="Which way the relationship of a hop points along its path.")
class HopDirection(Enum):
    FORWARD = strawberry.enum_value(
        "FORWARD", description="From `from` to `to`: `from` works on, is partner in or "
        "belongs to `to`.")
    BACKWARD = strawberry.enum_value(
        "BACKWARD", description="From `to` to `from`: `to` works on, is partner in or belongs "
        "to `from`.")


@strawberry.type(description="One tie of a connection path, between two consecutive nodes.")
class PathHop:
    from_: Node = strawberry.field(name="from", description="The node the hop leaves.")
    to: Node = strawberry.field(description="The node the hop reaches.")
    kind: RelationKind
    direction: HopDirection


@strawberry.type(description="One of the shortest ways two actors are connected.")
class ConnectionPath:
    length: int = strawberry.field(description="How many ties the path follows.")
    nodes: list[Node] = strawberry.field(
        description="The nodes of the path in order, from the first actor to the second.")
    hops: list[PathHop] = strawberry.field(description="The ties between consecutive nodes.")


async def _objects(context: Context, found: Iterable[Mapping[str, Any]]) -> dict[str, Node]:
    """The objects of nodes read from the graph (each `{id, labels}`), by node id, as the
    types registered for their labels; those the viewer may not see are left out. Read
    together: one round trip whatever their number and labels."""
    wanted = {item["id"]: list(item["labels"]) for item in found}
    objects = await asyncio.gather(*(resolve_labelled(context, labels, node_id)
                                     for node_id, labels in wanted.items()))
    return {node_id: node for node_id, node in zip(wanted, objects, strict=True)
            if node is not None}


def _path(path: dict[str, Any], objects: dict[str, Node]) -> ConnectionPath | None:
    """A path read from the graph as objects; None if the viewer may not see one of its
    nodes (the walk already kept to visible ties: this only guards against a change between
    the two round trips)."""
    node_ids = [node["id"] for node in path["nodes"]]
    if any(node_id not in objects for node_id in node_ids):
        return None
    nodes = [objects[node_id] for node_id in node_ids]
    hops = [PathHop(from_=nodes[step], to=nodes[step + 1],
                    kind=tie_kind(tie["type"], tie["community"]),
                    direction=(HopDirection.FORWARD if tie["start"] == node_ids[step]
                               else HopDirection.BACKWARD))
            for step, tie in enumerate(path["ties"])]
    return ConnectionPath(length=len(hops), nodes=nodes, hops=hops)


async def connection_paths(
    info: strawberry.Info[Context, None], from_: strawberry.ID, to: strawberry.ID,
    max_hops: int, via: list[RelationKind] | None,
) -> list[ConnectionPath]:
    """The shortest paths between the actors `from_` and `to`, in a stable order (by the ids
    of their nodes); empty when none is at most `max_hops` long."""
    source, target = actor(from_, "from"), actor(to, "to")
    ties = Ties.of(via)
    text = cypher.rendered(
        "queries/network/connection_paths", from_label=source.kind.label,
        to_label=target.kind.label, from_visible=source.kind.visibility_of("source"),
        to_visible=target.kind.visibility_of("target"), types=ties.types, tie=ties.predicate,
        hops=str(bounded(max_hops, 1, MAX_HOPS, "maxHops")))
    context = info.context
    [record] = await context.db.read(text, {
        "fromId": source.node_id, "toId": target.node_id,
        "maxPaths": context.settings.network_max_paths, "viewerId": context.viewer_id})
    if not record["found"]:
        raise NotFound("Could not resolve both actors of the path")
    paths = sorted(record["paths"], key=lambda path: [node["id"] for node in path["nodes"]])
    objects = await _objects(context, (node for path in paths for node in path["nodes"]))
    return [built for path in paths if (built := _path(path, objects)) is not None]
