"""A project's activities: dates, progress, dependencies and who is assigned to them."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app import ids
from app.context import Context
from app.errors import BadUserInput
from schema.actors.types import (
    ORGANIZATION,
    USER,
    OrganizationConnection,
    UserConnection,
    organization_edge,
    user_edge,
)
from schema.loading import Conditions, Relation, load_one, related_connection
from schema.node import Node, register
from schema.pagination import Connection, Edge, OrderDirection, SortKey, node_edge, ordering
from schema.projects.kinds import ACTIVITY, PROJECT, ActivityStatus
from schema.values import native

if TYPE_CHECKING:
    from schema.projects.types import Project


@strawberry.enum(description="The fields activities can be ordered by.")
class ActivityOrderField(Enum):
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    TITLE = "TITLE"


ACTIVITY_SORTS = {
    ActivityOrderField.START_DATE: SortKey("n.startDate", kind="date"),
    ActivityOrderField.END_DATE: SortKey("n.endDate", kind="date"),
    ActivityOrderField.TITLE: SortKey("n.title"),
}


@strawberry.input(description="How to order activities.")
class ActivityOrder:
    field: ActivityOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Which activities to list; all conditions must hold.")
class ActivityFilter:
    statuses: list[ActivityStatus] | None = strawberry.field(
        default=None, description="Activities in any of these states.")
    starts_after: date | None = strawberry.field(
        default=None, description="Activities starting on this date or later.")
    ends_before: date | None = strawberry.field(
        default=None, description="Activities ending on this date or earlier.")
    assignee: strawberry.ID | None = strawberry.field(
        default=None, description="Activities assigned to this user or organization.")


@strawberry.type(description="A task of a project's work plan.")
class Activity(Node):
    title: str
    start_date: date
    end_date: date
    status: ActivityStatus
    progress: int = strawberry.field(description="How much of it is done, in percent (0–100).")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Activity:
        return cls(node_id=fields["id"], title=fields["title"],
                   start_date=native(fields["startDate"]), end_date=native(fields["endDate"]),
                   status=ActivityStatus(fields["status"]), progress=fields.get("progress") or 0)

    @strawberry.field(description="The project the activity belongs to.")
    async def project(
        self, info: strawberry.Info[Context, None],
    ) -> Annotated[Project, strawberry.lazy("schema.projects.types")] | None:
        from schema.projects.types import Project

        fields = await load_one(info.context, ACTIVITY_PROJECT, self.node_id)
        return Project.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The activities this one waits for, by start date.")
    async def depends_on(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ActivityConnection:
        return await related_connection(info, DEPENDS_ON, self.node_id, activity_edge,
                                        ActivityConnection, first, after, last, before)

    @strawberry.field(description="The activities that wait for this one, by start date.")
    async def dependents(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ActivityConnection:
        return await related_connection(info, DEPENDENTS, self.node_id, activity_edge,
                                        ActivityConnection, first, after, last, before)

    @strawberry.field(description="The people assigned to the activity, by display name.")
    async def assigned_users(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> UserConnection:
        return await related_connection(info, ASSIGNED_USERS, self.node_id, user_edge,
                                        UserConnection, first, after, last, before)

    @strawberry.field(description="The organizations assigned to the activity, by name.")
    async def assigned_organizations(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> OrganizationConnection:
        return await related_connection(info, ASSIGNED_ORGANIZATIONS, self.node_id,
                                        organization_edge, OrganizationConnection, first, after,
                                        last, before)


@strawberry.type(description="An activity in a list.")
class ActivityEdge(Edge[Activity]):
    pass


@strawberry.type(description="A page of activities.")
class ActivityConnection(Connection[ActivityEdge]):
    pass



_BY_START = ACTIVITY_SORTS[ActivityOrderField.START_DATE]
PROJECT_ACTIVITIES = Relation("Project", "PART_OF", outgoing=False, target=ACTIVITY,
                              sort=_BY_START, where=Conditions("projects/activity_filter"))
ACTIVITY_PROJECT = Relation("Activity", "PART_OF", outgoing=True, target=PROJECT)
DEPENDS_ON = Relation("Activity", "DEPENDS_ON", outgoing=True, target=ACTIVITY, sort=_BY_START)
DEPENDENTS = Relation("Activity", "DEPENDS_ON", outgoing=False, target=ACTIVITY, sort=_BY_START)
ASSIGNED_USERS = Relation("Activity", "ASSIGNED_TO", outgoing=True, target=USER,
                          sort=SortKey("n.displayName"))
ASSIGNED_ORGANIZATIONS = Relation("Activity", "ASSIGNED_TO", outgoing=True, target=ORGANIZATION,
                                  sort=SortKey("n.name"))


def _assignee(global_id: strawberry.ID | None) -> tuple[str | None, str | None]:
    """The (user id, organization id) an assignee filter names; one of them at most."""
    if not global_id:
        return None, None
    type_name, node_id = ids.parse(global_id)
    if type_name == "User":
        return node_id, None
    if type_name == "Organization":
        return None, node_id
    raise BadUserInput(f"{global_id!r} is not the ID of a User or an Organization",
                       argument="assignee")


async def project_activities(
    info: strawberry.Info[Context, None], project_id: str, filter: ActivityFilter | None,
    order_by: ActivityOrder | None, first: int | None, after: str | None, last: int | None,
    before: str | None,
) -> ActivityConnection:
    """A page of a project's activities that pass `filter`, in the order asked (start date)."""
    chosen = filter or ActivityFilter()
    order = order_by or ActivityOrder(field=ActivityOrderField.START_DATE)
    user, organization = _assignee(chosen.assignee)
    parameters = {
        "statuses": [status.value for status in chosen.statuses] if chosen.statuses else None,
        "startsAfter": chosen.starts_after, "endsBefore": chosen.ends_before,
        "assigneeUser": user, "assigneeOrganization": organization,
    }
    relation = dataclasses.replace(
        PROJECT_ACTIVITIES, sort=ordering(ACTIVITY_SORTS[order.field], order.direction))
    return await related_connection(info, relation, project_id, activity_edge,
                                    ActivityConnection, first, after, last, before, parameters)


register("Activity", ACTIVITY, Activity.from_fields)

activity_edge = node_edge(ActivityEdge, Activity)
