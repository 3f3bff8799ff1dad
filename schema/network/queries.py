"""The network queries: collaborators, the collaboration network of a slice, connection paths
and ego networks."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from app.context import Context
from schema.actors.types import OrganizationKind
from schema.network.collaboration import CollaborationNetwork, collaboration_network
from schema.network.collaborators import CollaboratorConnection, collaborators_plan
from schema.network.ego import MAX_DEPTH, EgoNetwork, EgoNodeType, ego_network_plan
from schema.network.paths import DEFAULT_HOPS, MAX_HOPS, ConnectionPath, connection_paths
from schema.network.ties import WINDOW_DESCRIPTION, RelationKind
from schema.plans import answer, compiles
from schema.taxonomy.types import Province

Actor = Annotated[strawberry.ID, strawberry.argument(
    description="A person or an organization.")]
FromActor = Annotated[strawberry.ID, strawberry.argument(
    name="from", description="A person or an organization.")]
Area = Annotated[strawberry.ID | None, strawberry.argument(
    description="Count only projects tagged with this S3 area.")]
Via = Annotated[list[RelationKind] | None, strawberry.argument(
    description="The kinds of tie followed (all when null).")]


@strawberry.type
class NetworkQueries:
    @strawberry.field(description="Who worked with an actor on the same projects: for an "
                      "organization, the organizations that were partners with it; for a "
                      "person, the people who worked on the same projects. Heaviest first "
                      "(the number of projects shared), then by ID. " + WINDOW_DESCRIPTION)
    @compiles(collaborators_plan)
    async def collaborators(
        self, info: strawberry.Info[Context, None], of: Actor, s3_area: Area = None,
        since: date | None = None, until: date | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> CollaboratorConnection:
        page: CollaboratorConnection = await answer(
            info, collaborators_plan(of, s3_area, since, until),
            first=first, after=after, last=last, before=before)
        return page

    @strawberry.field(description="The organization–organization collaboration network of a "
                      "slice of the region, for a graph view: organizations (in the province "
                      "and of the kind asked for) tied when they were partners in the same "
                      "projects of the slice, weighted by how many. " + WINDOW_DESCRIPTION
                      + " Larger than NETWORK_MAX_NODES nodes or NETWORK_MAX_EDGES edges, the "
                      "request is refused (BAD_USER_INPUT, extensions.reason "
                      "NETWORK_TOO_LARGE).")
    async def collaboration_network(
        self, info: strawberry.Info[Context, None], s3_area: Area = None,
        province: Annotated[Province | None, strawberry.argument(
            description="Only organizations based in this province.")] = None,
        kind: Annotated[OrganizationKind | None, strawberry.argument(
            description="Only organizations of this kind.")] = None,
        since: date | None = None, until: date | None = None,
        min_weight: Annotated[int, strawberry.argument(
            description="Only ties of at least this many shared projects.")] = 1,
    ) -> CollaborationNetwork:
        return await collaboration_network(info, s3_area, province, kind, since, until,
                                           min_weight)

    @strawberry.field(description="The shortest ways two actors (people or organizations) are "
                      "connected through projects, organizations and communities: every path "
                      "of the fewest ties (several when equally short, at most "
                      "NETWORK_MAX_PATHS), each hop explained; empty when none is at most "
                      "maxHops long. Only ties the viewer may see are followed.")
    async def connection_path(
        self, info: strawberry.Info[Context, None], from_: FromActor, to: Actor,
        max_hops: Annotated[int, strawberry.argument(
            description=f"The longest path looked for, 1 to {MAX_HOPS} ties.")] = DEFAULT_HOPS,
        via: Via = None,
    ) -> list[ConnectionPath]:
        return await connection_paths(info, from_, to, max_hops, via)

    @strawberry.field(description="An actor's neighbourhood: the nodes within `depth` ties of "
                      "it and the ties among them, with the kind of each; the nearest at most "
                      "EGO_NETWORK_MAX_NODES. Only ties the viewer may see are followed.")
    @compiles(ego_network_plan)
    async def ego_network(
        self, info: strawberry.Info[Context, None], of: Actor,
        depth: Annotated[int, strawberry.argument(
            description=f"How many ties away, 1 to {MAX_DEPTH}.")] = 1,
        via: Via = None,
        types: Annotated[list[EgoNodeType] | None, strawberry.argument(
            description="The types of node listed (all when null). The walk goes through "
            "nodes of every type, and EGO_NETWORK_MAX_NODES counts them all; the ties are "
            "those among the nodes listed.")] = None,
    ) -> EgoNetwork:
        network: EgoNetwork = await answer(info, ego_network_plan(of, depth, via, types))
        return network
