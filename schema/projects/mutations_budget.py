"""A project's budget lines: planned and spent amounts per category and partner.

Amounts are entered as exact decimals with at most two places and stored as integer cents
(schema/money.py). The planned lines may not add up to more than the project's total budget
(OVER_BUDGET), unless the input allows it and the viewer coordinates the project; the write
statements lock the project before they add the lines up, so that two lines written at the
same time cannot together exceed a total that each fits alone. Spending more than planned is
allowed and reported (`overspent`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

import strawberry
from pydantic import Field

from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserErrorCode,
    new_id,
    outcome_errors,
    refuse,
    require_viewer,
    validated,
)
from schema.node import resolve_node
from schema.projects.acting import Info, act, amount_field, cents, changes, node_id
from schema.projects.budget import BudgetLine
from schema.projects.kinds import BudgetCategory
from schema.projects.types import Project

_ALLOW = Field(default=False, description="Accept planned lines adding up to more than the "
               "total budget; only the coordinator's admins may.")
_REASONS = {
    "NOT_PARTNER": Reason("partner", UserErrorCode.NOT_ALLOWED,
                          "The organization is not a partner of the project."),
    "OVER_BUDGET": Reason("planned", UserErrorCode.OVER_BUDGET,
                          "The planned lines would exceed the project's total budget."),
}


class CreateBudgetLineModel(MutationInput):
    project: str
    partner: str = Field(description="The partner organization the line is for.")
    category: BudgetCategory
    planned: Decimal = amount_field("The planned amount, e.g. \"1250.50\".")
    spent: Decimal = amount_field("The amount spent so far.", default=Decimal(0))
    allow_over_budget: bool = _ALLOW


@strawberry.experimental.pydantic.input(model=CreateBudgetLineModel,
                                        description="A new budget line of a project.")
class CreateBudgetLineInput:
    project: strawberry.ID
    partner: strawberry.ID
    category: strawberry.auto
    planned: strawberry.auto
    spent: strawberry.auto
    allow_over_budget: strawberry.auto
    client_mutation_id: strawberry.auto


class UpdateBudgetLineModel(MutationInput):
    budget_line: str
    partner: str | None = Field(default=None, description="Move the line to this partner.")
    category: BudgetCategory | None = None
    planned: Decimal | None = amount_field("The new planned amount.", default=None)
    spent: Decimal | None = amount_field("The new amount spent so far.", default=None)
    allow_over_budget: bool = _ALLOW


@strawberry.experimental.pydantic.input(model=UpdateBudgetLineModel,
                                        description="What to change in a budget line; fields "
                                        "left out stay as they are.")
class UpdateBudgetLineInput:
    budget_line: strawberry.ID
    partner: strawberry.ID | None
    category: strawberry.auto
    planned: strawberry.auto
    spent: strawberry.auto
    allow_over_budget: strawberry.auto
    client_mutation_id: strawberry.auto


class DeleteBudgetLineModel(MutationInput):
    budget_line: str


@strawberry.experimental.pydantic.input(model=DeleteBudgetLineModel,
                                        description="A budget line to delete.")
class DeleteBudgetLineInput:
    budget_line: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The budget line as a change left it.")
class BudgetLinePayload(Payload):
    budget_line: BudgetLine | None = None
    overspent: bool = strawberry.field(
        default=False, description="More is spent on the line than planned (allowed).")


@strawberry.type(description="What deleting a budget line left.")
class DeleteBudgetLinePayload(Payload):
    deleted_budget_line_id: strawberry.ID | None = None
    project: Project | None = None


async def _line(info: Info, line_id: str) -> BudgetLine | None:
    return cast(BudgetLine | None, await resolve_node(info.context, "BudgetLine", line_id))


@strawberry.type
class BudgetMutations:
    @strawberry.mutation(description="Add a budget line for a partner of a project.")
    async def create_budget_line(self, info: Info,
                                 input: CreateBudgetLineInput) -> BudgetLinePayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return BudgetLinePayload(user_errors=errors,
                                     client_mutation_id=input.client_mutation_id)
        line_id = new_id()
        record = await act(info, "create_budget_line", viewer_id,
                           projectId=node_id(chosen.project, "Project"), lineId=line_id,
                           organizationId=node_id(chosen.partner, "Organization"),
                           category=chosen.category.value, planned=cents(chosen.planned),
                           spent=cents(chosen.spent), allowOverBudget=chosen.allow_over_budget)
        errors = outcome_errors(record["outcome"], "project", _REASONS)
        return BudgetLinePayload(
            budget_line=None if errors else await _line(info, line_id), user_errors=errors,
            overspent=not errors and chosen.spent > chosen.planned,
            client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Change a budget line's amounts, category or partner.")
    async def update_budget_line(self, info: Info,
                                 input: UpdateBudgetLineInput) -> BudgetLinePayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return BudgetLinePayload(user_errors=errors,
                                     client_mutation_id=input.client_mutation_id)
        line_id = node_id(chosen.budget_line, "BudgetLine")
        record = await act(
            info, "update_budget_line", viewer_id, lineId=line_id,
            organizationId=node_id(chosen.partner, "Organization") if chosen.partner else None,
            changes=changes(category=chosen.category.value if chosen.category else None,
                            planned=cents(chosen.planned), spent=cents(chosen.spent)),
            allowOverBudget=chosen.allow_over_budget)
        errors = outcome_errors(record["outcome"], "budget line", _REASONS)
        return BudgetLinePayload(
            budget_line=None if errors else await _line(info, line_id), user_errors=errors,
            overspent=not errors and (record["spent"] or 0) > (record["planned"] or 0),
            client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Delete a budget line.")
    async def delete_budget_line(self, info: Info,
                                 input: DeleteBudgetLineInput) -> DeleteBudgetLinePayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DeleteBudgetLinePayload(user_errors=errors,
                                           client_mutation_id=input.client_mutation_id)
        record = await act(info, "delete_budget_line", viewer_id,
                           lineId=node_id(chosen.budget_line, "BudgetLine"))
        refuse(record["outcome"], "budget line")  # DONE, or the refusal raised
        project = await resolve_node(info.context, "Project", record["projectId"])
        return DeleteBudgetLinePayload(deleted_budget_line_id=chosen.budget_line,
                                       project=cast(Project | None, project),
                                       client_mutation_id=chosen.client_mutation_id)
