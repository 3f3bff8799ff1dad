"""Projects, their partners and people, and the projects seen from an organization or a person."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry

from app.context import Context
from schema.actors import follows
from schema.actors.follows import FollowerConnection
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.documents import documents_field
from schema.loading import Link, Relation, related_connection
from schema.money import Money, optional_money
from schema.node import Node, register, resolve_linked
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.plans import RelatedPlan, compiles, read_related
from schema.projects.activities import (
    ActivityConnection,
    ActivityFilter,
    ActivityOrder,
    project_activities,
)
from schema.projects.budget import (
    BudgetLineConnection,
    BudgetLineFilter,
    CategoryBudget,
    PartnerBudget,
    budget_by_category,
    budget_by_partner,
    project_budget_lines,
)
from schema.projects.kinds import PROJECT, PartnerRole, ProjectRole, ProjectStatus
from schema.projects.milestones import MilestoneConnection, MilestoneFilter, project_milestones
from schema.projects.results import ResultConnection, ResultFilter, ResultOrder, project_results
from schema.taxonomy.types import S3_AREA, S3_AREA_ORDER, S3AreaConnection, s3_area_edge
from schema.values import native, shown


@strawberry.type(description="A funded research or innovation project run by partner "
                 "organizations.")
class Project(Node):
    title: str
    acronym: str | None
    summary: str | None
    status: ProjectStatus
    start_date: date
    end_date: date
    funding_programme: str | None = strawberry.field(
        description="The programme that funds it, e.g. Horizon Europe or FESR Lombardia.")
    total_budget: Money | None
    currency: str = strawberry.field(description="The currency of every amount of the project.")
    partner_count: int
    activity_count: int
    follower_count: int
    result_count: int

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Project:
        """The project from the projection's fields, or from the id, the fields a selection
        shows and those its amounts are made of (PROJECT's `made_of`): the others are left
        None and never read."""
        currency = fields.get("currency") or "EUR"
        return cls(
            node_id=fields["id"], title=shown(fields, "title"), acronym=fields.get("acronym"),
            summary=fields.get("summary"), status=shown(fields, "status", ProjectStatus),
            start_date=native(fields.get("startDate")), end_date=native(fields.get("endDate")),
            funding_programme=fields.get("fundingProgramme"),
            total_budget=optional_money(fields.get("totalBudget"), currency), currency=currency,
            partner_count=shown(fields, "partnerCount"),
            activity_count=shown(fields, "activityCount"),
            follower_count=shown(fields, "followerCount"),
            result_count=shown(fields, "resultCount"),
        )

    @strawberry.field(description="The S3 areas the project is tagged with, by code.")
    async def s3_areas(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> S3AreaConnection:
        return await related_connection(info, PROJECT_AREAS, self.node_id, s3_area_edge,
                                        S3AreaConnection, first, after, last, before)

    @strawberry.field(description="The proposal the project came from, when it came from one "
                      "that the viewer may see.")
    async def originated_from(self, info: strawberry.Info[Context, None]) -> Node | None:
        return await resolve_linked(info.context, ORIGIN, self.node_id)

    @strawberry.field(description="The partner organizations, by name.")
    @compiles(lambda: _partners_plan())
    async def partners(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ProjectPartnerConnection:
        return await read_related(info, _partners_plan(), self, ProjectPartnerConnection,
                                  first, after, last, before)

    @strawberry.field(description="The people working on the project, by display name.")
    async def people(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ProjectPersonConnection:
        return await related_connection(info, PROJECT_PEOPLE, self.node_id, _project_person_edge,
                                        ProjectPersonConnection, first, after, last, before)

    @strawberry.field(description="The activities of the work plan; by start date unless "
                      "ordered.")
    async def activities(
        self, info: strawberry.Info[Context, None], filter: ActivityFilter | None = None,
        order_by: ActivityOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ActivityConnection:
        return await project_activities(info, self.node_id, filter, order_by, first, after,
                                        last, before)

    @strawberry.field(description="The milestones, by due date.")
    async def milestones(
        self, info: strawberry.Info[Context, None], filter: MilestoneFilter | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> MilestoneConnection:
        return await project_milestones(info, self.node_id, filter, first, after, last, before)

    @strawberry.field(description="What the project produced; newest first unless ordered.")
    async def results(
        self, info: strawberry.Info[Context, None], filter: ResultFilter | None = None,
        order_by: ResultOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ResultConnection:
        return await project_results(info, self.node_id, filter, order_by, first, after, last,
                                     before)

    @strawberry.field(description="The budget lines, by category; only for the people working "
                      "on the project and the members of its partner organizations.")
    async def budget_lines(
        self, info: strawberry.Info[Context, None], filter: BudgetLineFilter | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> BudgetLineConnection:
        return await project_budget_lines(info, self.node_id, filter, first, after, last,
                                          before)

    @strawberry.field(description="Planned and spent totals of the budget lines per partner, "
                      "by name; empty for viewers who may not see the budget.")
    async def budget_by_partner(self, info: strawberry.Info[Context, None]) -> list[PartnerBudget]:
        return await budget_by_partner(info.context, self.node_id, self.currency)

    @strawberry.field(description="Planned and spent totals of the budget lines per category; "
                      "empty for viewers who may not see the budget.")
    async def budget_by_category(
        self, info: strawberry.Info[Context, None],
    ) -> list[CategoryBudget]:
        return await budget_by_category(info.context, self.node_id, self.currency)

    documents = documents_field("Project")

    @strawberry.field(description="The people who follow the project, most recent first.")
    async def followers(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> FollowerConnection:
        return await follows.followers(info, "Project", self.node_id, first, after, last, before)


def _share(budget: int | None, total: int | None) -> float | None:
    """`budget` as a percentage of `total`; None when either is unknown or the total is zero."""
    return None if budget is None or not total else budget * 100 / total


@strawberry.type(description="An organization's part in a project, seen from the project.")
class ProjectPartnerEdge(Edge[Organization]):
    role: PartnerRole
    candidate: bool = strawberry.field(
        description="A candidate partner not yet confirmed (from the relevant respondents of "
                    "the proposal the project came from).")
    budget: Money | None = strawberry.field(description="The partner's share of the budget.")
    share: float | None = strawberry.field(
        description="The partner's budget as a percentage of the project's total budget.")


@strawberry.type(description="A page of a project's partners.")
class ProjectPartnerConnection(Connection[ProjectPartnerEdge]):
    pass


@strawberry.type(description="An organization's part in a project, seen from the organization.")
class OrganizationProjectEdge(Edge[Project]):
    role: PartnerRole
    budget: Money | None = strawberry.field(description="The partner's share of the budget.")
    share: float | None = strawberry.field(
        description="The partner's budget as a percentage of the project's total budget.")


@strawberry.type(description="A page of an organization's projects.")
class OrganizationProjectConnection(Connection[OrganizationProjectEdge]):
    pass


@strawberry.type(description="A person's part in a project, seen from the project.")
class ProjectPersonEdge(Edge[User]):
    role: ProjectRole


@strawberry.type(description="A page of the people working on a project.")
class ProjectPersonConnection(Connection[ProjectPersonEdge]):
    pass


@strawberry.type(description="A person's part in a project, seen from the person.")
class UserProjectEdge(Edge[Project]):
    role: ProjectRole


@strawberry.type(description="A page of a person's projects.")
class UserProjectConnection(Connection[UserProjectEdge]):
    pass


@strawberry.type(description="A project someone follows, and since when.")
class FollowedProjectEdge(Edge[Project]):
    since: datetime = strawberry.field(description="When the following started.")


@strawberry.type(description="A page of the projects someone follows.")
class FollowedProjectConnection(Connection[FollowedProjectEdge]):
    pass


@strawberry.type(description="A project in a list.")
class ProjectEdge(Edge[Project]):
    pass


@strawberry.type(description="A page of projects.")
class ProjectConnection(Connection[ProjectEdge]):
    pass



def _project_partner_edge(project: Project) -> Any:
    total = project.total_budget.cents if project.total_budget else None

    def make(cursor: str, item: dict[str, Any]) -> ProjectPartnerEdge:
        edge = item["edge"]
        return ProjectPartnerEdge(
            cursor=cursor, node=Organization.from_fields(item["node"]),
            role=PartnerRole(edge["role"]), candidate=bool(edge.get("candidate")),
            budget=optional_money(edge.get("budget"), project.currency),
            share=_share(edge.get("budget"), total))
    return make


def _organization_project_edge(cursor: str, item: dict[str, Any]) -> OrganizationProjectEdge:
    project, edge = Project.from_fields(item["node"]), item["edge"]
    return OrganizationProjectEdge(
        cursor=cursor, node=project, role=PartnerRole(edge["role"]),
        budget=optional_money(edge.get("budget"), project.currency),
        share=_share(edge.get("budget"), item["node"].get("totalBudget")))


def _project_person_edge(cursor: str, item: dict[str, Any]) -> ProjectPersonEdge:
    return ProjectPersonEdge(cursor=cursor, node=User.from_fields(item["node"]),
                             role=ProjectRole(item["edge"]["role"]))


def _user_project_edge(cursor: str, item: dict[str, Any]) -> UserProjectEdge:
    return UserProjectEdge(cursor=cursor, node=Project.from_fields(item["node"]),
                           role=ProjectRole(item["edge"]["role"]))


# A person's and an organization's projects: the latest started first.
_NEWEST_FIRST = SortKey("n.startDate", kind="date", descending=True)
PROJECT_AREAS = Relation("Project", "TAGGED", outgoing=True, target=S3_AREA, sort=S3_AREA_ORDER)
PROJECT_PARTNERS = Relation("Project", "PARTNER_IN", outgoing=False, target=ORGANIZATION,
                            sort=SortKey("n.name"))
PROJECT_PEOPLE = Relation("Project", "WORKS_ON", outgoing=False, target=USER,
                          sort=SortKey("n.displayName"))
ORGANIZATION_PROJECTS = Relation("Organization", "PARTNER_IN", outgoing=True, target=PROJECT,
                                 sort=_NEWEST_FIRST)
USER_PROJECTS = Relation("User", "WORKS_ON", outgoing=True, target=PROJECT, sort=_NEWEST_FIRST)
ORIGIN = Link("Project", "(p)-[:ORIGINATED_FROM]->(n:Proposal)")


def _partners_plan() -> RelatedPlan:
    return RelatedPlan(PROJECT_PARTNERS, None, edge_for=_project_partner_edge)


def organization_projects_plan() -> RelatedPlan:
    """What `Organization.projects` reads."""
    return RelatedPlan(ORGANIZATION_PROJECTS, _organization_project_edge)


async def organization_projects(
    info: strawberry.Info[Context, None], organization: Node, first: int | None,
    after: str | None, last: int | None, before: str | None,
) -> OrganizationProjectConnection:
    """A page of the projects an organization is a partner in, the latest started first."""
    return await read_related(info, organization_projects_plan(), organization,
                              OrganizationProjectConnection, first, after, last, before)


async def user_projects(
    info: strawberry.Info[Context, None], user_id: str, first: int | None, after: str | None,
    last: int | None, before: str | None,
) -> UserProjectConnection:
    """A page of the projects a person works on, the latest started first."""
    return await related_connection(info, USER_PROJECTS, user_id, _user_project_edge,
                                    UserProjectConnection, first, after, last, before)


async def followed_projects(
    info: strawberry.Info[Context, None], user_id: str, first: int | None, after: str | None,
    last: int | None, before: str | None,
) -> FollowedProjectConnection:
    """The projects the person `user_id` follows that the viewer may see, most recent first."""
    return await follows.followed(info, PROJECT, FollowedProjectEdge, Project,
                                  FollowedProjectConnection, user_id, first, after, last, before)


register("Project", PROJECT, Project.from_fields)

project_edge = node_edge(ProjectEdge, Project)
