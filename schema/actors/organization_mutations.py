"""Organizations: creating one (its creator becomes its admin), changing its profile, and
choosing its competences. Its admins and the platform admins may change it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import strawberry
from neo4j.exceptions import ConstraintError
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from app import ids as global_ids
from app import vat
from app.context import Context
from schema.actors.changes import Info, changed_properties, decoded_ids, given_fields, run, unknown
from schema.actors.types import ORGANIZATION, Organization, OrganizationKind
from schema.loading import applied
from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserError,
    UserErrorCode,
    new_id,
    outcome_errors,
    refuse,
    require_viewer,
    validated,
)
from schema.node import resolve_node
from schema.taxonomy.types import Province

MAX_COMPETENCES = 50
EARLIEST_FOUNDING = 1800
PROFILE_FIELDS = ("name", "kind", "legal_form", "vat_number", "city", "province", "country",
                  "website", "description", "founded_year")

# Who may change an organization: its admins, and the platform admins.
MAY_ADMINISTER = applied("actors/organization_administered", "organization")
VAT_REASONS = {"TAKEN": Reason("vatNumber", UserErrorCode.TAKEN,
                               "Another organization has this VAT number.")}


class OrganizationProfile(MutationInput):
    """The rules of an organization's profile fields, whether all given or some changed."""

    name: str | None = Field(default=None, min_length=2, max_length=200,
                             description="2 to 200 characters.")
    kind: OrganizationKind | None = None
    legal_form: str | None = Field(default=None, max_length=40,
                                   description="At most 40 characters (SRL, SPA...).")
    vat_number: str | None = Field(
        default=None, max_length=20, description="The Italian VAT number (partita IVA), eleven "
                                                 "digits; no two organizations share one.")
    city: str | None = Field(default=None, max_length=100, description="At most 100 characters.")
    province: Province | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$",
                                description="ISO 3166-1 alpha-2 country code.")
    website: str | None = Field(default=None, max_length=300,
                                description="An http or https address.")
    description: str | None = Field(default=None, max_length=5000,
                                    description="At most 5000 characters.")
    founded_year: int | None = Field(default=None, ge=EARLIEST_FOUNDING,
                                     description="From 1800 to the current year.")

    @field_validator("name", "kind", "country")
    @classmethod
    def _not_cleared(cls, value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("missing", "This cannot be removed.")
        return value

    @field_validator("legal_form", "city", "description")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("vat_number")
    @classmethod
    def _italian_vat_number(cls, value: str | None) -> str | None:
        number = value.replace(" ", "") if value else None
        if number and not vat.is_valid(number):
            raise PydanticCustomError(
                "vat_number", "Not an Italian VAT number (eleven digits with a check digit).")
        return number

    @field_validator("website")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if not value:
            return None
        address = urlsplit(value)
        if address.scheme not in {"http", "https"} or not address.hostname or " " in value:
            raise PydanticCustomError("url", "Not an http or https address.")
        return value

    @field_validator("founded_year")
    @classmethod
    def _not_in_the_future(cls, value: int | None) -> int | None:
        this_year = datetime.now(UTC).year
        if value is not None and value > this_year:
            raise PydanticCustomError("less_than_equal", "Not after {year}.", {"year": this_year})
        return value


class HeldCompetence(MutationInput):
    competence: str = Field(description="The competence held.")
    distinctive: bool = Field(
        default=False, description="Whether it is distinctive, backed by the organization's "
                                   "projects and results.")


class NewOrganization(OrganizationProfile):
    name: str | None = Field(min_length=2, max_length=200, description="2 to 200 characters.")
    kind: OrganizationKind | None
    country: str | None = Field(default="IT", pattern=r"^[A-Z]{2}$",
                                description="ISO 3166-1 alpha-2 country code.")
    competences: list[HeldCompetence] = Field(default_factory=list, max_length=MAX_COMPETENCES,
                                              description="At most 50.")


class OrganizationChanges(OrganizationProfile):
    organization: str


class CompetencesChoice(MutationInput):
    organization: str
    competences: list[HeldCompetence] = Field(max_length=MAX_COMPETENCES,
                                              description="At most 50.")


@strawberry.experimental.pydantic.input(
    model=HeldCompetence, description="A competence an organization holds.")
class HeldCompetenceInput:
    competence: strawberry.ID
    distinctive: strawberry.auto


@strawberry.experimental.pydantic.input(model=NewOrganization,
                                        description="A new organization; the viewer becomes "
                                                    "its admin.")
class CreateOrganizationInput:
    name: str
    kind: OrganizationKind
    legal_form: strawberry.auto
    vat_number: strawberry.auto
    city: strawberry.auto
    province: strawberry.auto
    country: str
    website: strawberry.auto
    description: strawberry.auto
    founded_year: strawberry.auto
    competences: list[HeldCompetenceInput]
    client_mutation_id: strawberry.auto


def _unchanged(description: str | None = None) -> Any:
    return strawberry.field(default=strawberry.UNSET, description=description)


@strawberry.input(description="An organization's fields to change: an omitted field stays as "
                              "it is, null removes an optional one. The rules are those of "
                              "`createOrganization`.")
class UpdateOrganizationInput:
    organization: strawberry.ID
    name: str | None = _unchanged("2 to 200 characters.")
    kind: OrganizationKind | None = _unchanged()
    legal_form: str | None = _unchanged("At most 40 characters.")
    vat_number: str | None = _unchanged("The Italian VAT number (partita IVA), eleven digits.")
    city: str | None = _unchanged("At most 100 characters.")
    province: Province | None = _unchanged()
    country: str | None = _unchanged("ISO 3166-1 alpha-2 country code.")
    website: str | None = _unchanged("An http or https address.")
    description: str | None = _unchanged("At most 5000 characters.")
    founded_year: int | None = _unchanged("From 1800 to the current year.")
    client_mutation_id: str | None = _unchanged(
        "Any text the client chooses, returned unchanged in the payload.")

    def to_pydantic(self, **kwargs: Any) -> OrganizationChanges:
        return OrganizationChanges(**given_fields(self), **kwargs)


@strawberry.experimental.pydantic.input(
    model=CompetencesChoice,
    description="The competences an organization holds (at most 50); they replace the "
                "present ones.")
class SetOrganizationCompetencesInput:
    organization: strawberry.ID
    competences: list[HeldCompetenceInput]
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of creating an organization.")
class CreateOrganizationPayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The new organization.")


@strawberry.type(description="The result of changing an organization.")
class UpdateOrganizationPayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The organization, as changed.")


@strawberry.type(description="The result of choosing an organization's competences.")
class SetOrganizationCompetencesPayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The organization, as changed.")


async def _organization(info: Info, organization_id: str) -> Organization | None:
    organization = await resolve_node(info.context, "Organization", organization_id)
    return organization if isinstance(organization, Organization) else None


def _held(competences: list[HeldCompetence]) -> tuple[list[dict[str, Any]], list[UserError]]:
    node_ids, errors = decoded_ids([held.competence for held in competences], "Competence",
                                   "competences.{}.competence")
    return [{"competence": node_id, "distinctive": held.distinctive}
            for node_id, held in zip(node_ids, competences, strict=True)], errors


def _unknown_competences(record: dict[str, Any]) -> list[UserError]:
    return unknown(record.get("unknown") or [], "competences.{}.competence", "competence")


@strawberry.type
class OrganizationMutations:
    @strawberry.mutation(description="Create an organization, of which the viewer becomes the "
                         "admin.")
    async def create_organization(self, info: strawberry.Info[Context, None],
                                  input: CreateOrganizationInput) -> CreateOrganizationPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is not None:
            competences, errors = _held(chosen.competences)
        if chosen is None or errors:
            return CreateOrganizationPayload(user_errors=errors,
                                             client_mutation_id=input.client_mutation_id)
        organization_id = new_id()
        properties = changed_properties(chosen, PROFILE_FIELDS) | {"id": organization_id}
        try:
            record = await run(info, "create_organization", {
                "viewerId": viewer_id, "organizationId": organization_id,
                "properties": properties, "vatNumber": chosen.vat_number,
                "competences": competences})
        except ConstraintError:  # another request took the VAT number at the same moment
            record = {"outcome": "TAKEN"}
        errors = (_unknown_competences(record) if record["outcome"] == "UNKNOWN"
                  else outcome_errors(record["outcome"], "user", VAT_REASONS))
        return CreateOrganizationPayload(
            organization=None if errors else await _organization(info, organization_id),
            user_errors=errors, client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Change an organization's profile (its admins and the "
                         "platform admins).")
    async def update_organization(self, info: strawberry.Info[Context, None],
                                  input: UpdateOrganizationInput) -> UpdateOrganizationPayload:
        viewer_id = require_viewer(info)
        changes, errors = validated(input)
        if changes is None:
            return UpdateOrganizationPayload(user_errors=errors,
                                             client_mutation_id=input.client_mutation_id or None)
        organization_id = global_ids.decode_as(changes.organization, "Organization")
        properties = changed_properties(changes, PROFILE_FIELDS)
        try:
            record = await run(info, "update_organization", {
                "viewerId": viewer_id, "organizationId": organization_id,
                "changes": properties, "vatNumber": properties.get("vatNumber")},
                visible=ORGANIZATION.visibility, administers=MAY_ADMINISTER)
        except ConstraintError:
            record = {"outcome": "TAKEN"}
        errors = outcome_errors(record["outcome"], "organization", VAT_REASONS)
        return UpdateOrganizationPayload(
            organization=None if errors else await _organization(info, organization_id),
            user_errors=errors, client_mutation_id=changes.client_mutation_id)

    @strawberry.mutation(description="Choose the competences an organization holds, replacing "
                         "the present ones (its admins and the platform admins).")
    async def set_organization_competences(
            self, info: strawberry.Info[Context, None],
            input: SetOrganizationCompetencesInput) -> SetOrganizationCompetencesPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is not None:
            organization_id = global_ids.decode_as(chosen.organization, "Organization")
            competences, errors = _held(chosen.competences)
        if chosen is None or errors:
            return SetOrganizationCompetencesPayload(
                user_errors=errors, client_mutation_id=input.client_mutation_id)
        record = await run(info, "set_organization_competences", {
            "viewerId": viewer_id, "organizationId": organization_id,
            "competences": competences},
            visible=ORGANIZATION.visibility, administers=MAY_ADMINISTER)
        refuse(record["outcome"], "organization")
        errors = _unknown_competences(record)
        return SetOrganizationCompetencesPayload(
            organization=None if errors else await _organization(info, organization_id),
            user_errors=errors, client_mutation_id=chosen.client_mutation_id)
