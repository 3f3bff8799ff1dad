"""Top-level queries of projects: a filtered, ordered connection."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from app import ids
from app.context import Context
from schema.loading import Conditions, root_connection
from schema.pagination import OrderDirection, SortKey, ordering
from schema.projects.kinds import PROJECT, ProjectStatus
from schema.projects.types import ProjectConnection, project_edge
from schema.taxonomy.types import Province


@strawberry.enum(description="The fields projects can be ordered by.")
class ProjectOrderField(Enum):
    START_DATE = "START_DATE"
    TITLE = "TITLE"
    TOTAL_BUDGET = "TOTAL_BUDGET"


# Projects without a total budget sort as if it were zero.
PROJECT_SORTS = {
    ProjectOrderField.START_DATE: SortKey("n.startDate", kind="date"),
    ProjectOrderField.TITLE: SortKey("n.title"),
    ProjectOrderField.TOTAL_BUDGET: SortKey("coalesce(n.totalBudget, 0)", kind="int"),
}


PROJECT_FILTER = Conditions("projects/project_filter")


@strawberry.input(description="How to order projects.")
class ProjectOrder:
    field: ProjectOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Which projects to list; all conditions must hold.")
class ProjectFilter:
    statuses: list[ProjectStatus] | None = strawberry.field(
        default=None, description="Projects in any of these states.")
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="Projects tagged with this S3 area.")
    partner: strawberry.ID | None = strawberry.field(
        default=None, description="Projects this organization is a partner in.")
    province: Province | None = strawberry.field(
        default=None, description="Projects with a partner organization in this province.")
    started_after: date | None = strawberry.field(
        default=None, description="Projects starting on this date or later.")
    ended_before: date | None = strawberry.field(
        default=None, description="Projects ending on this date or earlier.")
    funding_programme: str | None = strawberry.field(
        default=None, description="Projects funded by this programme (the exact name).")


def _optional_id(value: strawberry.ID | None, type_name: str) -> str | None:
    return ids.decode_as(value, type_name) if value else None


@strawberry.type
class ProjectQueries:
    @strawberry.field(description="Projects on the platform; the latest started first unless "
                      "ordered.")
    async def projects(
        self, info: strawberry.Info[Context, None], filter: ProjectFilter | None = None,
        order_by: ProjectOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ProjectConnection:
        chosen = filter or ProjectFilter()
        order = order_by or ProjectOrder(field=ProjectOrderField.START_DATE,
                                         direction=OrderDirection.DESC)
        parameters = {
            "statuses": [status.value for status in chosen.statuses] if chosen.statuses else None,
            "s3Area": _optional_id(chosen.s3_area, "S3Area"),
            "partner": _optional_id(chosen.partner, "Organization"),
            "province": chosen.province.value if chosen.province else None,
            "startedAfter": chosen.started_after,
            "endedBefore": chosen.ended_before,
            "fundingProgramme": chosen.funding_programme,
        }
        sort = ordering(PROJECT_SORTS[order.field], order.direction)
        return await root_connection(info, PROJECT, PROJECT_FILTER, sort, parameters,
                                     project_edge, ProjectConnection, first, after, last, before)
