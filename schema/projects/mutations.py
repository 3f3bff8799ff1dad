"""Running projects: creating one (from scratch or from a proposal), changing it, its partners
and its people. Who may act is in schema/projects/acting.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import strawberry
from pydantic import Field

from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserError,
    UserErrorCode,
    new_id,
    outcome_errors,
    require_viewer,
    user_error,
    validated,
)
from schema.node import resolve_node
from schema.projects.acting import (
    Info,
    act,
    amount_field,
    cents,
    changes,
    dates_out_of_order,
    node_id,
)
from schema.projects.kinds import PartnerRole, ProjectRole, ProjectStatus
from schema.projects.types import Project

MAX_AREAS = 20


class CreateProjectModel(MutationInput):
    organization: str = Field(description="The coordinator: an organization the viewer "
                              "administers.")
    from_proposal: str | None = Field(
        default=None, description="The proposal the project comes from (the viewer's or one "
        "of an organization the viewer administers, published or closed); its relevant "
        "respondents' organizations become candidate partners.")
    title: str | None = Field(default=None, min_length=3, max_length=300,
                              description="Required unless the project comes from a proposal, "
                              "whose title it takes otherwise.")
    acronym: str | None = Field(default=None, max_length=40)
    summary: str | None = Field(default=None, max_length=5000)
    start_date: date
    end_date: date
    funding_programme: str | None = Field(default=None, max_length=200)
    total_budget: Decimal | None = amount_field(
        "The total budget in the currency's units, e.g. \"250000.00\".", default=None)
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$",
                          description="ISO 4217 code of every amount of the project.")
    s3_areas: list[str] | None = Field(
        default=None, max_length=MAX_AREAS,
        description="The S3 areas (the proposal's when it comes from one and none are given).")


@strawberry.experimental.pydantic.input(model=CreateProjectModel,
                                        description="A new project and who coordinates it.")
class CreateProjectInput:
    organization: strawberry.ID
    from_proposal: strawberry.ID | None
    title: strawberry.auto
    acronym: strawberry.auto
    summary: strawberry.auto
    start_date: strawberry.auto
    end_date: strawberry.auto
    funding_programme: strawberry.auto
    total_budget: strawberry.auto
    currency: strawberry.auto
    s3_areas: list[strawberry.ID] | None
    client_mutation_id: strawberry.auto


class UpdateProjectModel(MutationInput):
    project: str
    title: str | None = Field(default=None, min_length=3, max_length=300)
    acronym: str | None = Field(default=None, max_length=40)
    summary: str | None = Field(default=None, max_length=5000)
    start_date: date | None = None
    end_date: date | None = None
    funding_programme: str | None = Field(default=None, max_length=200)
    status: ProjectStatus | None = Field(
        default=None, description="PLANNED -> ACTIVE | CANCELLED, ACTIVE -> COMPLETED | "
        "CANCELLED.")
    total_budget: Decimal | None = amount_field("The new total budget.", default=None)


@strawberry.experimental.pydantic.input(model=UpdateProjectModel,
                                        description="What to change in a project; fields "
                                        "left out stay as they are.")
class UpdateProjectInput:
    project: strawberry.ID
    title: strawberry.auto
    acronym: strawberry.auto
    summary: strawberry.auto
    start_date: strawberry.auto
    end_date: strawberry.auto
    funding_programme: strawberry.auto
    status: strawberry.auto
    total_budget: strawberry.auto
    client_mutation_id: strawberry.auto


class PartnerModel(MutationInput):
    project: str
    organization: str
    role: PartnerRole | None = Field(
        default=None, description="Naming a new COORDINATOR hands coordination over: the "
        "former coordinator becomes a PARTNER.")
    budget: Decimal | None = amount_field("The partner's share of the budget.", default=None)


@strawberry.experimental.pydantic.input(model=PartnerModel,
                                        description="A partner to add (role PARTNER and no "
                                        "budget unless given).")
class AddPartnerInput:
    project: strawberry.ID
    organization: strawberry.ID
    role: strawberry.auto
    budget: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=PartnerModel,
                                        description="A partner's new role or share (left out: "
                                        "unchanged); confirms a candidate partner.")
class UpdatePartnerInput:
    project: strawberry.ID
    organization: strawberry.ID
    role: strawberry.auto
    budget: strawberry.auto
    client_mutation_id: strawberry.auto


class RemovePartnerModel(MutationInput):
    project: str
    organization: str


@strawberry.experimental.pydantic.input(model=RemovePartnerModel,
                                        description="A partner to remove.")
class RemovePartnerInput:
    project: strawberry.ID
    organization: strawberry.ID
    client_mutation_id: strawberry.auto


class ProjectPersonModel(MutationInput):
    project: str
    person: str
    role: ProjectRole = ProjectRole.RESEARCHER


@strawberry.experimental.pydantic.input(model=ProjectPersonModel,
                                        description="A person to work on a project (or their "
                                        "new role).")
class AddProjectPersonInput:
    project: strawberry.ID
    person: strawberry.ID
    role: strawberry.auto
    client_mutation_id: strawberry.auto


class RemoveProjectPersonModel(MutationInput):
    project: str
    person: str


@strawberry.experimental.pydantic.input(model=RemoveProjectPersonModel,
                                        description="A person to take off a project.")
class RemoveProjectPersonInput:
    project: strawberry.ID
    person: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The project as a change left it.")
class ProjectPayload(Payload):
    project: Project | None = None


async def project_payload(info: Info, project_id: str | None, errors: list[UserError],
                          client_mutation_id: str | None) -> ProjectPayload:
    """The payload of a project change: the project (read as the viewer sees it) when done."""
    project = None
    if project_id is not None and not errors:
        project = cast(Project | None, await resolve_node(info.context, "Project", project_id))
    return ProjectPayload(project=project, user_errors=errors,
                          client_mutation_id=client_mutation_id)


_PARTNER_REASONS = {
    "NOT_PARTNER": Reason("organization", UserErrorCode.NOT_FOUND,
                          "This organization is not a partner of the project."),
    "ALREADY_DONE": Reason("organization", UserErrorCode.ALREADY_DONE,
                           "This organization is already a partner of the project."),
    "NOT_ALLOWED": Reason("role", UserErrorCode.NOT_ALLOWED,
                          "A project always has one coordinator: name another one instead."),
    "COORDINATOR": Reason("organization", UserErrorCode.NOT_ALLOWED,
                          "The coordinator cannot leave: name another coordinator first."),
    "HAS_LINES": Reason("organization", UserErrorCode.NOT_ALLOWED,
                        "The partner has budget lines: delete or move them first."),
    "OVER_BUDGET": Reason("budget", UserErrorCode.OVER_BUDGET,
                          "The partners' shares would exceed the project's total budget."),
}


@strawberry.type
class ProjectMutations:
    @strawberry.mutation(description="Start a project, coordinated by an organization the "
                         "viewer administers, from scratch or from a proposal.")
    async def create_project(self, info: Info, input: CreateProjectInput) -> ProjectPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is not None:
            errors = dates_out_of_order(chosen.start_date, chosen.end_date)
            if chosen.title is None and chosen.from_proposal is None:
                errors += user_error("title", UserErrorCode.REQUIRED,
                                     "A project needs a title unless it comes from a proposal.")
        if chosen is None or errors:
            return await project_payload(info, None, errors, input.client_mutation_id)
        project_id = new_id()
        record = await act(
            info, "create_project", viewer_id, projectId=project_id,
            organizationId=node_id(chosen.organization, "Organization"),
            proposalId=node_id(chosen.from_proposal, "Proposal") if chosen.from_proposal
            else None,
            title=chosen.title, acronym=chosen.acronym, summary=chosen.summary,
            startDate=chosen.start_date, endDate=chosen.end_date,
            fundingProgramme=chosen.funding_programme, totalBudget=cents(chosen.total_budget),
            currency=chosen.currency,
            areaIds=None if chosen.s3_areas is None
            else [node_id(area, "S3Area") for area in chosen.s3_areas])
        errors = outcome_errors(record["outcome"], "organization", {
            "PROPOSAL_NOT_FOUND": Reason("fromProposal", UserErrorCode.NOT_FOUND,
                                         "No proposal with this ID."),
            "PROPOSAL_FORBIDDEN": Reason("fromProposal", UserErrorCode.NOT_ALLOWED,
                                         "Only the proposer may start a project from a proposal."),
            "NOT_ALLOWED": Reason("fromProposal", UserErrorCode.NOT_ALLOWED,
                                  "Only a published or closed proposal may lead to a project."),
        })
        return await project_payload(info, project_id, errors, chosen.client_mutation_id)

    @strawberry.mutation(description="Change a project's description, dates, status or "
                         "total budget.")
    async def update_project(self, info: Info, input: UpdateProjectInput) -> ProjectPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None or (errors := dates_out_of_order(chosen.start_date, chosen.end_date)):
            return await project_payload(info, None, errors, input.client_mutation_id)
        project_id = node_id(chosen.project, "Project")
        record = await act(info, "update_project", viewer_id, projectId=project_id,
                           changes=changes(
                               title=chosen.title, acronym=chosen.acronym,
                               summary=chosen.summary, startDate=chosen.start_date,
                               endDate=chosen.end_date,
                               fundingProgramme=chosen.funding_programme,
                               status=chosen.status.value if chosen.status else None,
                               totalBudget=cents(chosen.total_budget)))
        errors = outcome_errors(record["outcome"], "project", {
            "DATES_OUT_OF_ORDER": Reason("endDate", UserErrorCode.DATES_OUT_OF_ORDER,
                                         "The end date would come before the start date."),
            "INVALID_TRANSITION": Reason("status", UserErrorCode.INVALID_TRANSITION,
                                         "A project cannot move to this status from its "
                                         "current one."),
            "OVER_BUDGET": Reason("totalBudget", UserErrorCode.OVER_BUDGET,
                                  "The budget lines or partners' shares exceed this total."),
        })
        return await project_payload(info, project_id, errors, chosen.client_mutation_id)

    @strawberry.mutation(description="Add a partner organization to a project.")
    async def add_partner(self, info: Info, input: AddPartnerInput) -> ProjectPayload:
        return await _partner(info, "add_partner", input)

    @strawberry.mutation(description="Change a partner's role or budget share, or confirm a "
                         "candidate partner.")
    async def update_partner(self, info: Info, input: UpdatePartnerInput) -> ProjectPayload:
        return await _partner(info, "update_partner", input)

    @strawberry.mutation(description="Remove a partner (not the coordinator, nor one with "
                         "budget lines) and its activity assignments.")
    async def remove_partner(self, info: Info, input: RemovePartnerInput) -> ProjectPayload:
        return await _partner(info, "remove_partner", input)

    @strawberry.mutation(description="Let a person work on a project, or change their role.")
    async def add_project_person(self, info: Info,
                                 input: AddProjectPersonInput) -> ProjectPayload:
        return await _person(info, "add_project_person", input)

    @strawberry.mutation(description="Take a person off a project and its activities.")
    async def remove_project_person(self, info: Info,
                                    input: RemoveProjectPersonInput) -> ProjectPayload:
        return await _person(info, "remove_project_person", input)


async def _partner(info: Info, name: str,
                   given: AddPartnerInput | UpdatePartnerInput | RemovePartnerInput,
                   ) -> ProjectPayload:
    viewer_id = require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return await project_payload(info, None, errors, given.client_mutation_id)
    project_id = node_id(chosen.project, "Project")
    role = getattr(chosen, "role", None)
    budget = cents(getattr(chosen, "budget", None))
    if name == "add_partner":
        role, budget = role or PartnerRole.PARTNER, budget or 0
    record = await act(info, name, viewer_id, projectId=project_id,
                       organizationId=node_id(chosen.organization, "Organization"),
                       role=role.value if role else None, budget=budget)
    errors = outcome_errors(record["outcome"], "project or organization", _PARTNER_REASONS)
    return await project_payload(info, project_id, errors, chosen.client_mutation_id)


async def _person(info: Info, name: str,
                  given: AddProjectPersonInput | RemoveProjectPersonInput) -> ProjectPayload:
    viewer_id = require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return await project_payload(info, None, errors, given.client_mutation_id)
    project_id = node_id(chosen.project, "Project")
    role = getattr(chosen, "role", None)
    record = await act(info, name, viewer_id, projectId=project_id,
                       userId=node_id(chosen.person, "User"),
                       role=role.value if role else None)
    errors = outcome_errors(record["outcome"], "project or person", {
        "NOT_ON_PROJECT": Reason("person", UserErrorCode.NOT_FOUND,
                                 "This person does not work on the project."),
    })
    return await project_payload(info, project_id, errors, chosen.client_mutation_id)
