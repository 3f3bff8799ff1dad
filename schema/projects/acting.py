"""What the project mutations share: who may act, running their statements, amounts, dates
and IDs (what an outcome means to the person who asked is `schema.mutations.outcome_errors`).

Who may act is decided inside each write statement, from three rules on the project (fragments
in `cypher/queries/projects/`, each also true for platform admins):
- `coordinates`: an admin of the coordinator organization (hands coordination over, and may let
  the budget lines exceed the project's total budget);
- `manages`: `coordinates`, or a person working on the project as MANAGER (edits the project,
  its partners, its people and its budget);
- `works_on`: `manages`, or anyone working on the project (keeps activities, milestones and
  results).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import strawberry
from pydantic import Field

from app import ids
from app.context import Context
from schema.actors.types import ORGANIZATION, USER
from schema.loading import applied, fragment
from schema.mutations import UserError, UserErrorCode, user_error, write_statement
from schema.projects.kinds import ACTIVITY, BUDGET_LINE, MILESTONE, PROJECT, RESULT

Info = strawberry.Info[Context, None]

# Amounts are entered as decimals with at most two places and stored as integer cents.
AMOUNT_DIGITS = 17


def amount_field(description: str, default: Any = ...) -> Any:
    """A pydantic field for an amount of money: an exact decimal, at most two places, >= 0."""
    return Field(default, ge=0, max_digits=AMOUNT_DIGITS, decimal_places=2,
                 description=description)


def cents(amount: Decimal | None) -> int | None:
    """An amount in the currency's units as integer cents (exact), None when not given."""
    return None if amount is None else int(amount.scaleb(2))


@cache
def _fragments() -> dict[str, str]:
    from schema.opportunities.types import PROPOSAL  # opportunities read projects' types

    platform_admin = applied("access/viewer_is_platform_admin", "project")
    coordinates = applied("projects/viewer_coordinates_project", "project")
    manages = applied("projects/viewer_manages_project", "project")
    works_on = applied("projects/viewer_works_on_project", "project")
    return {
        "coordinates": f"({platform_admin} OR {coordinates})",
        "manages": f"({platform_admin} OR {manages})",
        "works_on": f"({platform_admin} OR {manages} OR {works_on})",
        "viewer_is_platform_admin": fragment("access/viewer_is_platform_admin"),
        "administers": applied("access/viewer_administers_organization", "organization"),
        "administers_proposer": applied("access/viewer_administers_organization", "proposer"),
        "project_visible": PROJECT.visibility_of("project"),
        "organization_visible": ORGANIZATION.visibility_of("organization"),
        "user_visible": USER.visibility_of("person"),
        "activity_visible": ACTIVITY.visibility_of("activity"),
        "prerequisite_visible": ACTIVITY.visibility_of("prerequisite"),
        "milestone_visible": MILESTONE.visibility_of("milestone"),
        "result_visible": RESULT.visibility_of("result"),
        "line_visible": BUDGET_LINE.visibility_of("line"),
        "proposal_visible": PROPOSAL.visibility_of("proposal"),
    }


async def act(info: Info, name: str, viewer_id: str, **parameters: Any) -> dict[str, Any]:
    """Run the write statement `queries/projects/<name>`, with the access rules and visibility
    placed, for the viewer; its single record (at least `outcome`)."""
    return await write_statement(info.context, f"projects/{name}",
                                 {"viewerId": viewer_id, **parameters}, **_fragments())


def changes(**values: Any) -> dict[str, Any]:
    """The properties an update sets: those given (not None)."""
    return {key: value for key, value in values.items() if value is not None}


def dates_out_of_order(start: date | None, end: date | None,
                       field: str = "endDate") -> list[UserError]:
    """DATES_OUT_OF_ORDER when both dates are given and the end comes before the start."""
    if start is not None and end is not None and end < start:
        return user_error(field, UserErrorCode.DATES_OUT_OF_ORDER,
                          "The end date comes before the start date.")
    return []


def node_id(global_id: strawberry.ID | str, type_name: str) -> str:
    """The node id of a global ID that must be of `type_name` (BAD_USER_INPUT otherwise)."""
    return ids.decode_as(str(global_id), type_name)


def assignees(global_ids: list[str] | None) -> tuple[list[str] | None, list[str] | None]:
    """Assignee global IDs as (user ids, organization ids); (None, None) when not given."""
    if global_ids is None:
        return None, None
    decoded = [ids.decode(value, frozenset({"User", "Organization"})) for value in global_ids]
    return ([found for type_name, found in decoded if type_name == "User"],
            [found for type_name, found in decoded if type_name == "Organization"])
