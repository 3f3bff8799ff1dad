"""A project's milestones: what is due when, and whether it was reached."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app.context import Context
from schema.loading import Conditions, Relation, load_one, related_connection
from schema.node import Node, register
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.projects.kinds import MILESTONE, PROJECT
from schema.values import native

if TYPE_CHECKING:
    from schema.projects.types import Project


@strawberry.input(description="Which milestones to list; all conditions must hold.")
class MilestoneFilter:
    reached: bool | None = strawberry.field(
        default=None, description="Only reached milestones (true) or only the others (false).")
    due_after: date | None = strawberry.field(
        default=None, description="Milestones due on this date or later.")
    due_before: date | None = strawberry.field(
        default=None, description="Milestones due on this date or earlier.")


@strawberry.type(description="A point of a project's plan that is due on a date.")
class Milestone(Node):
    title: str
    due_date: date
    reached_at: datetime | None = strawberry.field(
        description="When it was reached; null while it is not.")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Milestone:
        return cls(node_id=fields["id"], title=fields["title"],
                   due_date=native(fields["dueDate"]), reached_at=native(fields.get("reachedAt")))

    @strawberry.field(description="The project the milestone belongs to.")
    async def project(
        self, info: strawberry.Info[Context, None],
    ) -> Annotated[Project, strawberry.lazy("schema.projects.types")] | None:
        from schema.projects.types import Project

        fields = await load_one(info.context, MILESTONE_PROJECT, self.node_id)
        return Project.from_fields(fields) if fields is not None else None


@strawberry.type(description="A milestone in a list.")
class MilestoneEdge(Edge[Milestone]):
    pass


@strawberry.type(description="A page of milestones.")
class MilestoneConnection(Connection[MilestoneEdge]):
    pass



PROJECT_MILESTONES = Relation("Project", "PART_OF", outgoing=False, target=MILESTONE,
                              sort=SortKey("n.dueDate", kind="date"),
                              where=Conditions("projects/milestone_filter"))
MILESTONE_PROJECT = Relation("Milestone", "PART_OF", outgoing=True, target=PROJECT)


async def project_milestones(
    info: strawberry.Info[Context, None], project_id: str, filter: MilestoneFilter | None,
    first: int | None, after: str | None, last: int | None, before: str | None,
) -> MilestoneConnection:
    """A page of a project's milestones that pass `filter`, by due date."""
    chosen = filter or MilestoneFilter()
    parameters = {"reached": chosen.reached, "dueAfter": chosen.due_after,
                  "dueBefore": chosen.due_before}
    return await related_connection(info, PROJECT_MILESTONES, project_id, milestone_edge,
                                    MilestoneConnection, first, after, last, before, parameters)


register("Milestone", MILESTONE, Milestone.from_fields)

milestone_edge = node_edge(MilestoneEdge, Milestone)
