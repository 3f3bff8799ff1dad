"""The GraphQL shape of an EEN import's report: one entry per profile of the file."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.context import Context
from schema.een.importer import Report
from schema.node import resolve_node
from schema.opportunities.types import Proposal


@strawberry.enum(description="What an import did with a profile.")
class EenImportResult(Enum):
    CREATED = strawberry.enum_value("CREATED", description="A new proposal.")
    UPDATED = strawberry.enum_value(
        "UPDATED", description="The proposal of its reference, replaced by this newer profile "
        "(its `datum/update` is later than the stored one's).")
    CLOSED = strawberry.enum_value(
        "CLOSED", description="The profile is not newer, but its published proposal is past "
        "its deadline, so it was closed.")
    UNCHANGED = strawberry.enum_value(
        "UNCHANGED", description="The stored profile is as new or newer: nothing changed.")
    REJECTED = strawberry.enum_value(
        "REJECTED", description="Not imported, for the `rejections` given; nothing of it "
        "was written.")


@strawberry.enum(description="Why a profile was rejected.")
class EenRejectionCode(Enum):
    MISSING_REFERENCE = "MISSING_REFERENCE"
    INVALID_REFERENCE = "INVALID_REFERENCE"
    UNKNOWN_TYPE = strawberry.enum_value(
        "UNKNOWN_TYPE", description="Not one of TO, TR, BO, BR, RDR.")
    MISSING_TITLE = "MISSING_TITLE"
    TOO_LONG = strawberry.enum_value(
        "TOO_LONG", description="A text longer than a proposal's may be.")
    INVALID_COUNTRY = "INVALID_COUNTRY"
    INVALID_DATE = strawberry.enum_value(
        "INVALID_DATE", description="A `datum` date that is not ISO 8601.")
    MISSING_DATE = strawberry.enum_value("MISSING_DATE",
                                         description="No `datum/submit` date.")
    INVALID_KEYWORD = "INVALID_KEYWORD"
    TOO_MANY_KEYWORDS = "TOO_MANY_KEYWORDS"
    NOT_EEN = strawberry.enum_value(
        "NOT_EEN", description="The reference is that of a territorial proposal.")


@strawberry.type(description="One reason a profile was rejected.")
class EenRejection:
    code: EenRejectionCode
    message: str


@strawberry.type(description="What became of one profile of an imported file.")
class EenProfileReport:
    index: int = strawberry.field(description="The profile's place in the file, from 1.")
    reference: str | None = strawberry.field(
        description="Its external reference; null when it has no valid one.")
    result: EenImportResult
    rejections: list[EenRejection] = strawberry.field(
        description="Why it was rejected (every reason found); empty otherwise.")
    unmapped_keywords: list[str] = strawberry.field(
        description="Its keywords that the mapping to competences and S3 areas does not "
        "cover, as `SCHEME code` (README: EEN partnering opportunities).")
    proposal_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, report: Report) -> EenProfileReport:
        return cls(index=report.index, reference=report.reference,
                   result=EenImportResult(report.result),
                   rejections=[EenRejection(code=EenRejectionCode(r.code), message=r.message)
                               for r in report.rejections],
                   unmapped_keywords=report.unmapped, proposal_id=report.proposal_id)

    @strawberry.field(description="The proposal the profile is; null when rejected.")
    async def proposal(self, info: strawberry.Info[Context, None]) -> Proposal | None:
        if self.proposal_id is None:
            return None
        found = await resolve_node(info.context, "Proposal", self.proposal_id)
        return found if isinstance(found, Proposal) else None
