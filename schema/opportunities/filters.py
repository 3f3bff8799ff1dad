"""How proposals are filtered and ordered, shared by every connection of proposals."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from enum import Enum
from typing import Any

import strawberry

from app import ids
from app.errors import BadUserInput
from schema.opportunities.types import (
    CollaborationType,
    DevelopmentStage,
    ProposalKind,
    ProposalOrigin,
    ProposalStatus,
)
from schema.pagination import OrderDirection, SortKey

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@strawberry.enum(description="The fields proposals can be ordered by.")
class ProposalOrderField(Enum):
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="Newest first by default.")
    DEADLINE = strawberry.enum_value(
        "DEADLINE", description="Soonest first by default; proposals without a deadline come "
        "after every dated one (before them in descending order).")
    TITLE = "TITLE"


# Proposals without a deadline sort as if their deadline were the last day of year 9999 (the
# expression, not the equal stored closing day: a cursor carries a digest of its expression, so
# the cursors clients hold stay valid).
PROPOSAL_SORTS = {
    ProposalOrderField.CREATED_AT: SortKey("n.createdAt", kind="datetime", descending=True),
    ProposalOrderField.DEADLINE: SortKey("coalesce(n.deadline, date('9999-12-31'))",
                                         kind="date"),
    ProposalOrderField.TITLE: SortKey("n.title"),
}


@strawberry.input(description="How to order proposals.")
class ProposalOrder:
    field: ProposalOrderField
    direction: OrderDirection | None = strawberry.field(
        default=None, description="Null orders newest first by creation time, and ascending "
        "by deadline or title.")


@strawberry.input(description="Which proposals to list; all conditions must hold. Only "
                  "published and closed proposals are ever listed.")
class ProposalFilter:
    kinds: list[ProposalKind] | None = strawberry.field(
        default=None, description="Proposals of any of these kinds.")
    origins: list[ProposalOrigin] | None = strawberry.field(
        default=None, description="Proposals from any of these origins.")
    statuses: list[ProposalStatus] | None = strawberry.field(
        default=None, description="Proposals in any of these states (drafts, proposals "
        "awaiting validation and archived ones match only for those who may see them).")
    open_only: bool | None = strawberry.field(
        default=None, description="true: only published proposals whose deadline is today or "
        "later, or that have none. false or null: no condition.")
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="Proposals tagged with this S3 area.")
    competence: strawberry.ID | None = strawberry.field(
        default=None, description="Proposals seeking this competence or a narrower one.")
    collaboration_type: CollaborationType | None = strawberry.field(
        default=None, description="Proposals seeking this kind of partnership.")
    development_stage: DevelopmentStage | None = None
    deadline_before: date | None = strawberry.field(
        default=None, description="Proposals whose deadline is before this day.")
    deadline_after: date | None = strawberry.field(
        default=None, description="Proposals whose deadline is after this day.")
    country: str | None = strawberry.field(
        default=None, description="Proposals from this country (ISO 3166-1 alpha-2 code).")
    keyword: strawberry.ID | None = strawberry.field(
        default=None, description="Proposals carrying this keyword.")
    proposing_organization: strawberry.ID | None = strawberry.field(
        default=None, description="Proposals made on behalf of this organization.")


def _optional_id(value: strawberry.ID | None, type_name: str) -> str | None:
    return ids.decode_as(value, type_name) if value else None


def _values(chosen: list[Any] | None) -> list[str] | None:
    """The values of a list of enums; an empty or missing list sets no condition."""
    return [item.value for item in chosen] if chosen else None


def _country(value: str | None) -> str | None:
    if not value:
        return None
    if not _COUNTRY.match(value):
        raise BadUserInput(f"{value!r} is not an ISO 3166-1 alpha-2 country code",
                           argument="filter.country")
    return value.upper()


def proposal_parameters(chosen: ProposalFilter | None) -> dict[str, Any]:
    """The parameters of the proposal filter conditions; None leaves a condition out."""
    chosen = chosen or ProposalFilter()
    return {
        "kinds": _values(chosen.kinds),
        "origins": _values(chosen.origins),
        "statuses": _values(chosen.statuses),
        "openOnly": True if chosen.open_only else None,
        "s3Area": _optional_id(chosen.s3_area, "S3Area"),
        "competence": _optional_id(chosen.competence, "Competence"),
        "collaborationType": (chosen.collaboration_type.value
                              if chosen.collaboration_type else None),
        "developmentStage": (chosen.development_stage.value
                             if chosen.development_stage else None),
        "deadlineBefore": chosen.deadline_before,
        "deadlineAfter": chosen.deadline_after,
        "country": _country(chosen.country),
        "keyword": _optional_id(chosen.keyword, "Keyword"),
        "proposingOrganization": _optional_id(chosen.proposing_organization, "Organization"),
    }


def proposal_sort(order: ProposalOrder | None) -> SortKey:
    """The keyset order of proposals; newest first when none is asked for."""
    if order is None:
        return PROPOSAL_SORTS[ProposalOrderField.CREATED_AT]
    sort = PROPOSAL_SORTS[order.field]
    if order.direction is None:
        return sort
    return dataclasses.replace(sort, descending=order.direction == OrderDirection.DESC)
