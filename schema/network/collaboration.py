"""`collaborationNetwork`: the organization–organization network of a slice of the region, as
nodes and weighted edges ready for a graph view, read in one round trip.

Two organizations are tied when they were confirmed partners in the same projects of the slice
(an S3 area, a time window; not cancelled projects); the weight is how many. The answer is
bounded (NETWORK_MAX_NODES, NETWORK_MAX_EDGES): a larger network is refused with
BAD_USER_INPUT, saying how large it is, so that the client narrows the slice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import strawberry

from app import cypher, ids
from app.context import Context
from app.errors import BadUserInput
from schema.actors.types import ORGANIZATION, OrganizationKind
from schema.network.ties import PROJECT_WINDOW, window
from schema.taxonomy.types import S3_AREA, Province, S3Area
from schema.values import optional_id


@strawberry.type(description="An organization in a collaboration network.")
class NetworkNode:
    id: strawberry.ID = strawberry.field(description="The organization's global ID.")
    label: str = strawberry.field(description="The organization's name.")
    size: int = strawberry.field(
        description="How many projects of the slice the organization was a partner in.")
    kind: OrganizationKind
    province: Province | None


@strawberry.type(description="Two organizations that were partners in the same projects.")
class NetworkEdge:
    source: strawberry.ID = strawberry.field(
        description="The global ID of one organization (a tie has no direction).")
    target: strawberry.ID = strawberry.field(description="The global ID of the other.")
    weight: int = strawberry.field(description="How many projects of the slice they shared.")
    s3_areas: list[strawberry.ID] = strawberry.field(
        description="The global IDs of the S3 areas of the projects they shared (the network's "
        "`s3Areas` describes each once).")


@strawberry.type(description="An organization–organization collaboration network: the "
                 "organizations with a tie, and the ties.")
class CollaborationNetwork:
    nodes: list[NetworkNode] = strawberry.field(description="Largest first, then by name.")
    edges: list[NetworkEdge] = strawberry.field(description="Heaviest first.")
    s3_areas: list[S3Area] = strawberry.field(
        description="The S3 areas the edges name, by code.")


def _statement(parameters: dict[str, object]) -> str:
    patterns, predicate = PROJECT_WINDOW.parts(parameters)
    return cypher.rendered(
        "queries/network/collaboration_network",
        patterns="".join(f"\nMATCH {pattern}" for pattern in patterns), window=predicate,
        visible=ORGANIZATION.visibility_of("organization"), area_projection=S3_AREA.projection)


@dataclass(frozen=True)
class NetworkSlice:
    """Which part of the region a collaboration network covers."""

    s3_area: str | None = None  # an S3 area's node id
    province: Province | None = None
    kind: OrganizationKind | None = None
    since: date | None = None
    until: date | None = None
    min_weight: int = 1


@dataclass(frozen=True)
class NetworkData:
    """A collaboration network as read: organizations, ties, and the S3 areas the ties name
    (node ids throughout); `project_count`, the projects of the slice that tie at least two of
    its organizations; `s3_area`, the slice's S3 area (None when it names none, or an unknown
    one)."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    areas: dict[str, dict[str, Any]]
    project_count: int
    s3_area: dict[str, Any] | None


async def read_network(context: Context, chosen: NetworkSlice) -> NetworkData:
    """The network of the slice in one round trip, or BAD_USER_INPUT when it exceeds the
    configured bounds. Shared by `collaborationNetwork` and the exports (app/exports.py)."""
    settings = context.settings
    if chosen.min_weight < 1:
        raise BadUserInput("minWeight must be at least 1", argument="minWeight")
    parameters: dict[str, object] = {"s3Area": chosen.s3_area,
                                     **window(chosen.since, chosen.until)}
    text = _statement(parameters)
    [record] = await context.db.read(text, {
        **parameters, "province": chosen.province.value if chosen.province else None,
        "kind": chosen.kind.value if chosen.kind else None,
        "minWeight": chosen.min_weight,
        "maxNodes": settings.network_max_nodes, "maxEdges": settings.network_max_edges,
        "viewerId": context.viewer_id})
    if (record["nodeCount"] > settings.network_max_nodes
            or record["edgeCount"] > settings.network_max_edges):
        raise BadUserInput(
            f"The network has {record['nodeCount']} nodes and {record['edgeCount']} edges, "
            f"more than the {settings.network_max_nodes} nodes and "
            f"{settings.network_max_edges} edges answered at once: narrow it with s3Area, "
            "province, kind, since, until or minWeight.",
            reason="NETWORK_TOO_LARGE", nodes=record["nodeCount"], edges=record["edgeCount"],
            maxNodes=settings.network_max_nodes, maxEdges=settings.network_max_edges)
    nodes = sorted(record["nodes"], key=lambda node: (-node["size"], node["label"], node["id"]))
    edges = sorted(record["edges"],
                   key=lambda edge: (-edge["weight"], edge["source"], edge["target"]))
    return NetworkData(nodes, edges, {fields["id"]: fields for fields in record["areas"]},
                       record["projectCount"], next(iter(record["s3Area"]), None))


async def collaboration_network(
    info: strawberry.Info[Context, None], s3_area: strawberry.ID | None,
    province: Province | None, kind: OrganizationKind | None, since: date | None,
    until: date | None, min_weight: int,
) -> CollaborationNetwork:
    """The network of the slice, or BAD_USER_INPUT when it exceeds the configured bounds."""
    data = await read_network(info.context, NetworkSlice(
        optional_id(s3_area, "S3Area"), province, kind, since, until, min_weight))
    areas = {node_id: S3Area.from_fields(fields) for node_id, fields in data.areas.items()}
    area_ids = {node_id: strawberry.ID(ids.encode("S3Area", node_id)) for node_id in areas}
    nodes = [NetworkNode(id=strawberry.ID(ids.encode("Organization", node["id"])),
                         label=node["label"], size=node["size"],
                         kind=OrganizationKind(node["kind"]),
                         province=Province(node["province"]) if node["province"] else None)
             for node in data.nodes]
    edges = [NetworkEdge(source=strawberry.ID(ids.encode("Organization", edge["source"])),
                         target=strawberry.ID(ids.encode("Organization", edge["target"])),
                         weight=edge["weight"],
                         s3_areas=[area_ids[area] for area in edge["areas"]])
             for edge in data.edges]
    return CollaborationNetwork(nodes=nodes, edges=edges,
                                s3_areas=sorted(areas.values(), key=lambda area: area.code))
