"""A project's budget: its lines, and their totals per partner and per category.

Budget lines are visible only to the people working on the project, the members of its
partner organizations and platform admins (`projects/budget_line_visible`); the totals add up
only the lines the viewer may see, so they are empty for anyone else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app import cypher, ids
from app.context import Context
from schema.actors.types import ORGANIZATION, Organization
from schema.loading import Conditions, Relation, load_one, related_connection
from schema.money import Money, money
from schema.node import Node, register
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.projects.kinds import BUDGET_LINE, PROJECT, BudgetCategory

if TYPE_CHECKING:
    from schema.projects.types import Project


@strawberry.input(description="Which budget lines to list; all conditions must hold.")
class BudgetLineFilter:
    categories: list[BudgetCategory] | None = strawberry.field(
        default=None, description="Lines of any of these categories.")
    partner: strawberry.ID | None = strawberry.field(
        default=None, description="Lines of this partner organization.")


@strawberry.type(description="What a project plans to spend on one category for one partner, "
                 "and has spent so far. Visible to the people working on the project, the "
                 "members of its partner organizations and platform admins.")
class BudgetLine(Node):
    category: BudgetCategory
    planned: Money
    spent: Money

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> BudgetLine:
        currency = fields.get("currency")
        return cls(node_id=fields["id"], category=BudgetCategory(fields["category"]),
                   planned=money(fields.get("planned") or 0, currency),
                   spent=money(fields.get("spent") or 0, currency))

    @strawberry.field(description="The partner organization the line is for.")
    async def partner(self, info: strawberry.Info[Context, None]) -> Organization | None:
        fields = await load_one(info.context, LINE_PARTNER, self.node_id)
        return Organization.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The project the line belongs to.")
    async def project(
        self, info: strawberry.Info[Context, None],
    ) -> Annotated[Project, strawberry.lazy("schema.projects.types")] | None:
        from schema.projects.types import Project

        fields = await load_one(info.context, LINE_PROJECT, self.node_id)
        return Project.from_fields(fields) if fields is not None else None


@strawberry.type(description="A budget line in a list.")
class BudgetLineEdge(Edge[BudgetLine]):
    pass


@strawberry.type(description="A page of budget lines.")
class BudgetLineConnection(Connection[BudgetLineEdge]):
    pass


@strawberry.type(description="A project's planned and spent amounts for one partner.")
class PartnerBudget:
    partner: Organization | None = strawberry.field(
        description="The partner; null for lines assigned to no partner.")
    planned: Money
    spent: Money


@strawberry.type(description="A project's planned and spent amounts in one category.")
class CategoryBudget:
    category: BudgetCategory
    planned: Money
    spent: Money



PROJECT_BUDGET_LINES = Relation("Project", "OF", outgoing=False, target=BUDGET_LINE,
                                sort=SortKey("n.category"),
                                where=Conditions("projects/budget_line_filter"))
LINE_PARTNER = Relation("BudgetLine", "FOR", outgoing=True, target=ORGANIZATION)
LINE_PROJECT = Relation("BudgetLine", "OF", outgoing=True, target=PROJECT)
_CATEGORY_ORDER = {category.value: index for index, category in enumerate(BudgetCategory)}


async def project_budget_lines(
    info: strawberry.Info[Context, None], project_id: str, filter: BudgetLineFilter | None,
    first: int | None, after: str | None, last: int | None, before: str | None,
) -> BudgetLineConnection:
    """A page of the project's budget lines the viewer may see that pass `filter`, by category."""
    chosen = filter or BudgetLineFilter()
    parameters = {
        "categories": [category.value for category in chosen.categories]
        if chosen.categories else None,
        "partner": ids.decode_as(chosen.partner, "Organization") if chosen.partner else None,
    }
    return await related_connection(info, PROJECT_BUDGET_LINES, project_id, budget_line_edge,
                                    BudgetLineConnection, first, after, last, before, parameters)


async def _totals(context: Context, statement: str, project_id: str) -> list[dict[str, Any]]:
    """The raw totals of one project from `statement`, batched over the request's projects."""

    async def batch(project_ids: list[str]) -> list[list[dict[str, Any]]]:
        text = cypher.rendered(f"queries/projects/{statement}", visible=BUDGET_LINE.visibility,
                               partner_visible=ORGANIZATION.visibility,
                               projection=ORGANIZATION.projection)
        records = await context.db.read(text, {"parentIds": project_ids,
                                               "viewerId": context.viewer_id})
        found = {record["parentId"]: list(record["totals"]) for record in records}
        return [found.get(project_id, []) for project_id in project_ids]

    totals: list[dict[str, Any]] = await context.loader(("budget", statement), batch).load(
        project_id)
    return totals


async def budget_by_partner(context: Context, project_id: str,
                            currency: str | None) -> list[PartnerBudget]:
    """The project's totals per partner (by name; lines for no partner last)."""
    totals = await _totals(context, "budget_by_partner", project_id)
    return [PartnerBudget(
        partner=Organization.from_fields(row["partner"]) if row["partner"] else None,
        planned=money(row["planned"], currency), spent=money(row["spent"], currency),
    ) for row in totals]


async def budget_by_category(context: Context, project_id: str,
                             currency: str | None) -> list[CategoryBudget]:
    """The project's totals per category, in the order of BudgetCategory."""
    totals = await _totals(context, "budget_by_category", project_id)
    rows = sorted(totals, key=lambda row: _CATEGORY_ORDER[row["category"]])
    return [CategoryBudget(category=BudgetCategory(row["category"]),
                           planned=money(row["planned"], currency),
                           spent=money(row["spent"], currency)) for row in rows]


register("BudgetLine", BUDGET_LINE, BudgetLine.from_fields)

budget_line_edge = node_edge(BudgetLineEdge, BudgetLine)
