"""The inputs of the proposal mutations: their rules as pydantic models, exposed to GraphQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import strawberry
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from schema.mutations import MutationInput
from schema.opportunities.types import (
    CollaborationType,
    DevelopmentStage,
    IntellectualProperty,
    ProposalKind,
)

MAX_COMPETENCES = 20
MAX_AREAS = 10
# The lengths of a proposal's texts (EEN profiles are held to them too).
TITLE_MIN, TITLE_MAX = 3, 200
SUMMARY_MAX = 1000
DESCRIPTION_MAX = 20000


def _not_past(value: date | None) -> date | None:
    if value is not None and value < datetime.now(UTC).date():
        raise PydanticCustomError("greater_than_equal", "The deadline cannot be in the past.")
    return value


def _distinct(values: list[Any] | None) -> list[Any] | None:
    return None if values is None else list(dict.fromkeys(values))


class ProposalContentModel(MutationInput):
    """What a proposal says, every field optional (an update changes only those given)."""

    title: str | None = Field(default=None, min_length=TITLE_MIN, max_length=TITLE_MAX)
    summary: str | None = Field(default=None, max_length=SUMMARY_MAX)
    description: str | None = Field(default=None, max_length=DESCRIPTION_MAX)
    kind: ProposalKind | None = None
    collaboration_types: list[CollaborationType] | None = Field(default=None, max_length=6)
    development_stage: DevelopmentStage | None = None
    ipr: IntellectualProperty | None = None
    deadline: date | None = Field(default=None, description="The last day to express interest.")
    sought_competences: list[str] | None = Field(default=None, max_length=MAX_COMPETENCES)
    s3_areas: list[str] | None = Field(default=None, max_length=MAX_AREAS)

    _deadline = field_validator("deadline")(_not_past)
    _lists = field_validator("collaboration_types", "sought_competences", "s3_areas")(_distinct)

    def properties(self) -> dict[str, Any]:
        """The proposal properties given, as stored (enumerations by name)."""
        values: dict[str, Any] = {
            "title": self.title, "summary": self.summary, "description": self.description,
            "kind": self.kind.value if self.kind else None,
            "collaborationTypes": (None if self.collaboration_types is None
                                   else [value.value for value in self.collaboration_types]),
            "developmentStage": self.development_stage.value if self.development_stage else None,
            "ipr": self.ipr.value if self.ipr else None, "deadline": self.deadline,
        }
        return {key: value for key, value in values.items() if value is not None}


class CreateProposalModel(ProposalContentModel):
    title: str = Field(min_length=TITLE_MIN, max_length=TITLE_MAX)
    kind: ProposalKind
    on_behalf_of: str | None = Field(
        default=None, description="The organization the proposal is made for; the viewer must "
        "be one of its members.")


class UpdateProposalModel(ProposalContentModel):
    proposal: str


class ProposalReferenceModel(MutationInput):
    proposal: str


class ValidateProposalModel(ProposalReferenceModel):
    note: str | None = Field(default=None, max_length=2000)


class SendBackProposalModel(ProposalReferenceModel):
    reason: str = Field(min_length=3, max_length=2000)


@strawberry.experimental.pydantic.input(model=CreateProposalModel,
                                        description="A new proposal, drafted.")
class CreateProposalInput:
    title: strawberry.auto
    summary: strawberry.auto
    description: strawberry.auto
    kind: strawberry.auto
    collaboration_types: strawberry.auto
    development_stage: strawberry.auto
    ipr: strawberry.auto
    deadline: strawberry.auto
    sought_competences: list[strawberry.ID] | None = strawberry.field(
        default=None, description=f"The competences sought (at most {MAX_COMPETENCES}).")
    s3_areas: list[strawberry.ID] | None = strawberry.field(
        default=None, description=f"The S3 areas of the proposal (at most {MAX_AREAS}).")
    on_behalf_of: strawberry.ID | None = strawberry.field(
        default=None, description="The organization the proposal is made for; the viewer must "
        "be one of its members.")
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=UpdateProposalModel, description="Changes to a draft proposal: the fields given "
    "replace the former ones (lists whole); those left out or null stay as they are.")
class UpdateProposalInput:
    proposal: strawberry.ID
    title: strawberry.auto
    summary: strawberry.auto
    description: strawberry.auto
    kind: strawberry.auto
    collaboration_types: strawberry.auto
    development_stage: strawberry.auto
    ipr: strawberry.auto
    deadline: strawberry.auto
    sought_competences: list[strawberry.ID] | None = strawberry.field(
        default=None, description=f"The competences sought (at most {MAX_COMPETENCES}).")
    s3_areas: list[strawberry.ID] | None = strawberry.field(
        default=None, description=f"The S3 areas of the proposal (at most {MAX_AREAS}).")
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=ProposalReferenceModel,
                                        description="The draft proposal to submit.")
class SubmitProposalInput:
    proposal: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=ValidateProposalModel, description="The proposal to validate, and an optional note.")
class ValidateProposalInput:
    proposal: strawberry.ID
    note: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=SendBackProposalModel, description="The proposal to send back, and why.")
class SendBackProposalInput:
    proposal: strawberry.ID
    reason: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=ProposalReferenceModel,
                                        description="The published proposal to close.")
class CloseProposalInput:
    proposal: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=ProposalReferenceModel,
                                        description="The published or closed proposal to "
                                        "archive.")
class ArchiveProposalInput:
    proposal: strawberry.ID
    client_mutation_id: strawberry.auto
