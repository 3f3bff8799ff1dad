"""Collaboration metrics of one S3 area and time window: degree, betweenness and communities of
the organizations that collaborated on it, with the most central of them.

The network is that of `collaborationNetwork` for the area and window (`read_network`,
schema/network/collaboration.py: confirmed partners, no cancelled project, the same window),
read in one statement; beyond `METRICS_MAX_ORGANIZATIONS` organizations it is refused before
networkx computes the metrics in a worker thread (schema/network/metrics_graph.py). The
organizations asked for load in one more round trip.
"""

from __future__ import annotations

import asyncio
from datetime import date
from enum import Enum
from typing import Any

import strawberry

from app import ids
from app.context import Context
from app.errors import BadUserInput, NotFound
from schema.actors.types import ORGANIZATION, Organization
from schema.loading import load_any
from schema.mutations import require_viewer
from schema.network.collaboration import NetworkSlice, read_network
from schema.network.metrics_graph import Community, NetworkMetrics, Score, analyse
from schema.network.ties import WINDOW_DESCRIPTION, bounded
from schema.taxonomy.types import S3Area

MAX_TOP = 100


@strawberry.enum(description="How central an organization is in a collaboration network.")
class CentralityMeasure(Enum):
    DEGREE = strawberry.enum_value("DEGREE", description="The most partners.")
    WEIGHTED_DEGREE = strawberry.enum_value(
        "WEIGHTED_DEGREE", description="The most projects shared with partners.")
    BETWEENNESS = strawberry.enum_value(
        "BETWEENNESS", description="The most shortest paths between others passing through.")


@strawberry.type(description="One organization's place in a collaboration network.")
class OrganizationCentrality:
    organization_id: strawberry.Private[str]
    degree: int = strawberry.field(
        description="How many organizations it collaborated with.")
    weighted_degree: int = strawberry.field(
        description="The projects it shared with each of those organizations, summed: a "
        "project with three other partners counts three times.")
    betweenness: float = strawberry.field(
        description="The share (0 to 1) of the shortest paths between two other organizations "
        "that pass through it, counted in hops: high for those who bridge otherwise separate "
        "groups.")
    community: int = strawberry.field(
        description="The number of its community (`CollaborationCommunity.number`).")

    @classmethod
    def from_score(cls, score: Score) -> OrganizationCentrality:
        return cls(organization_id=score.organization_id, degree=score.degree,
                   weighted_degree=score.weighted_degree, betweenness=score.betweenness,
                   community=score.community)

    @strawberry.field(description="The organization.")
    async def organization(self, info: strawberry.Info[Context, None]) -> Organization:
        fields = await load_any(info.context, ORGANIZATION, self.organization_id)
        if fields is None:  # deleted since the network was read
            raise NotFound("This organization no longer exists.")
        return Organization.from_fields(fields)


@strawberry.type(description="Organizations that collaborate more among themselves than with "
                 "the rest of the network (Louvain communities, weighted by shared projects).")
class CollaborationCommunity:
    number: int = strawberry.field(
        description="1 for the largest community, then by size (ties by their members' ids).")
    size: int = strawberry.field(description="How many organizations it holds.")
    members: list[OrganizationCentrality] = strawberry.field(
        description="Its best-connected organizations, by weighted degree, at most `top`.")


@strawberry.type(description="Metrics of the network of organizations that collaborated on an "
                 "S3 area (partners in a project tagged with it) within a time window.")
class CollaborationMetrics:
    s3_area: S3Area = strawberry.field(description="The area whose network this is.")
    since: date | None = strawberry.field(
        description="The window's first day (projects ending earlier are left out).")
    until: date | None = strawberry.field(
        description="The window's last day (projects starting later are left out).")
    project_count: int = strawberry.field(
        description="The projects in the window with at least two confirmed partner "
        "organizations (cancelled ones left out).")
    organization_count: int = strawberry.field(
        description="The organizations that collaborated with at least one other.")
    collaboration_count: int = strawberry.field(
        description="The pairs of organizations that collaborated.")
    community_count: int = strawberry.field(description="How many communities were detected.")
    modularity: float = strawberry.field(
        description="How much denser the communities are inside than chance would make them "
        "(up to 1; near 0 when the network has no community structure).")
    organizations: list[OrganizationCentrality] = strawberry.field(
        description="Every organization of the network, by weighted degree (then degree).")
    communities: list[CollaborationCommunity] = strawberry.field(
        description="The largest communities, at most `top`.")
    top: strawberry.Private[int]

    @strawberry.field(description="The `top` most central organizations by one measure, most "
                      "central first (ties by weighted degree, then degree).")
    def most_central(self, by: CentralityMeasure) -> list[OrganizationCentrality]:
        ranked = sorted(self.organizations, key=lambda item: (
            -_measure(item, by), -item.weighted_degree, -item.degree, item.organization_id))
        return ranked[:self.top]


def _measure(item: OrganizationCentrality, by: CentralityMeasure) -> float:
    if by is CentralityMeasure.DEGREE:
        return item.degree
    if by is CentralityMeasure.WEIGHTED_DEGREE:
        return item.weighted_degree
    return item.betweenness


def _community(community: Community, top: int) -> CollaborationCommunity:
    return CollaborationCommunity(
        number=community.number, size=len(community.members),
        members=[OrganizationCentrality.from_score(score) for score in community.members[:top]])


def _metrics(area: dict[str, Any], project_count: int, metrics: NetworkMetrics,
             since: date | None, until: date | None, top: int) -> CollaborationMetrics:
    ranked = sorted(metrics.scores.values(), key=lambda score: (
        -score.weighted_degree, -score.degree, score.organization_id))
    return CollaborationMetrics(
        s3_area=S3Area.from_fields(area), since=since, until=until,
        project_count=project_count, organization_count=len(metrics.scores),
        collaboration_count=metrics.collaboration_count,
        community_count=len(metrics.communities), modularity=metrics.modularity,
        organizations=[OrganizationCentrality.from_score(score) for score in ranked],
        communities=[_community(community, top) for community in metrics.communities[:top]],
        top=top)


async def collaboration_metrics(context: Context, area_id: str, since: date | None,
                                until: date | None, top: int) -> CollaborationMetrics:
    """The metrics of the area's network in the window; NOT_FOUND for an unknown area,
    BAD_USER_INPUT when the window ends before it starts or the network is larger than the
    settings allow (NETWORK_TOO_LARGE from `read_network`, then `METRICS_MAX_ORGANIZATIONS`)."""
    data = await read_network(context, NetworkSlice(s3_area=area_id, since=since, until=until))
    if data.s3_area is None:
        raise NotFound("No S3 area has this ID.")
    limit = context.settings.metrics_max_organizations
    if len(data.nodes) > limit:
        raise BadUserInput(
            f"The collaboration network of this S3 area and window has {len(data.nodes)} "
            f"organizations; its metrics are computed for at most {limit}. Narrow the time "
            "window.", organizationCount=len(data.nodes), limit=limit)
    ties = [(edge["source"], edge["target"], edge["weight"]) for edge in data.edges]
    # CPU-bound (about a second for the largest area at full scale): off the event loop
    metrics = await asyncio.to_thread(analyse, ties)
    return _metrics(data.s3_area, data.project_count, metrics, since, until, top)


@strawberry.type
class NetworkMetricsQueries:
    @strawberry.field(description=(
        "Degree, betweenness and communities of the organizations that collaborated on an S3 "
        "area (partners in a project tagged with it: the network `collaborationNetwork` "
        "answers for the area and window), with the `top` most central (1 to 100). "
        + WINDOW_DESCRIPTION + " Signed-in viewers only: the metrics are computed on each "
        "request. BAD_USER_INPUT when the network has more organizations than the API "
        "analyses (METRICS_MAX_ORGANIZATIONS: `extensions.organizationCount` and "
        "`extensions.limit`), or more than `collaborationNetwork` answers (NETWORK_MAX_NODES, "
        "NETWORK_MAX_EDGES: `extensions.reason` NETWORK_TOO_LARGE)."))
    async def collaboration_metrics(
        self, info: strawberry.Info[Context, None], s3_area: strawberry.ID,
        since: date | None = None, until: date | None = None, top: int = 10,
    ) -> CollaborationMetrics:
        require_viewer(info)
        area_id = ids.decode_as(s3_area, "S3Area")
        return await collaboration_metrics(info.context, area_id, since, until,
                                           bounded(top, 1, MAX_TOP, "top"))
