"""The network queries: collaborators and the collaboration network of a slice."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from app.context import Context
from schema.actors.types import OrganizationKind
from schema.network.collaboration import CollaborationNetwork, collaboration_network
from schema.network.collaborators import CollaboratorConnection, collaborators
from schema.taxonomy.types import Province

_WINDOW = ("A project counts when its own [startDate, endDate] overlaps [since, until] "
           "(inclusive; either may be left open); cancelled projects and candidate partners "
           "never count.")

Actor = Annotated[strawberry.ID, strawberry.argument(
    description="A person or an organization.")]
Area = Annotated[strawberry.ID | None, strawberry.argument(
    description="Count only projects tagged with this S3 area.")]


@strawberry.type
class NetworkQueries:
    @strawberry.field(description="Who worked with an actor on the same projects: for an "
                      "organization, the organizations that were partners with it; for a "
                      "person, the people who worked on the same projects. Heaviest first "
                      "(the number of projects shared), then by ID. " + _WINDOW)
    async def collaborators(
        self, info: strawberry.Info[Context, None], of: Actor, s3_area: Area = None,
        since: date | None = None, until: date | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> CollaboratorConnection:
        return await collaborators(info, of, s3_area, since, until, first, after, last, before)

    @strawberry.field(description="The organization–organization collaboration network of a "
                      "slice of the region, for a graph view: organizations (in the province "
                      "and of the kind asked for) tied when they were partners in the same "
                      "projects of the slice, weighted by how many. " + _WINDOW + " Larger "
                      "than NETWORK_MAX_NODES nodes or NETWORK_MAX_EDGES edges, the request "
                      "is refused (BAD_USER_INPUT, extensions.reason NETWORK_TOO_LARGE).")
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
