"""Drafting, editing and moving proposals through their statuses (schema/opportunities/
transitions.py holds the status machine)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import strawberry

from app import ids as global_ids
from app.context import Context
from schema.mutations import (
    Payload,
    Reason,
    UserErrorCode,
    new_id,
    outcome_errors,
    require_viewer,
    validated,
    write_statement,
)
from schema.node import resolve_node
from schema.opportunities.proposal_inputs import (
    ArchiveProposalInput,
    CloseProposalInput,
    CreateProposalInput,
    ProposalContentModel,
    SendBackProposalInput,
    SubmitProposalInput,
    UpdateProposalInput,
    ValidateProposalInput,
)
from schema.opportunities.transitions import (
    EDITABLE,
    EDITORS,
    PROPOSAL_TRANSITIONS,
    change_status,
)
from schema.opportunities.types import PROPOSAL, Proposal

_REASONS = {
    "INVALID_TRANSITION": Reason("proposal", UserErrorCode.INVALID_TRANSITION,
                                 "The proposal's status does not allow this."),
    "UNKNOWN_COMPETENCE": Reason("soughtCompetences", UserErrorCode.NOT_FOUND,
                                 "A sought competence does not exist."),
    "UNKNOWN_AREA": Reason("s3Areas", UserErrorCode.NOT_FOUND, "An S3 area does not exist."),
}


@strawberry.type(description="A proposal after a change.")
class ProposalPayload(Payload):
    proposal: Proposal | None = strawberry.field(
        default=None, description="The proposal as the viewer may now see it (null when the "
        "viewer may not, or when the mutation did nothing).")


@strawberry.type(description="The result of createProposal.")
class CreateProposalPayload(ProposalPayload):
    pass


@strawberry.type(description="The result of updateProposal.")
class UpdateProposalPayload(ProposalPayload):
    pass


@strawberry.type(description="The result of submitProposal.")
class SubmitProposalPayload(ProposalPayload):
    pass


@strawberry.type(description="The result of validateProposal.")
class ValidateProposalPayload(ProposalPayload):
    pass


@strawberry.type(description="The result of sendBackProposal.")
class SendBackProposalPayload(ProposalPayload):
    pass


@strawberry.type(description="The result of closeProposal.")
class CloseProposalPayload(ProposalPayload):
    pass


@strawberry.type(description="The result of archiveProposal.")
class ArchiveProposalPayload(ProposalPayload):
    pass


P = TypeVar("P", bound=ProposalPayload)


def _node_ids(values: list[str] | None, type_name: str) -> list[str] | None:
    return None if values is None else [global_ids.decode_as(v, type_name) for v in values]


async def proposal_answer(info: strawberry.Info[Context, None], payload: type[P], outcome: str,
                          proposal_id: str, client_id: str | None, what: str = "proposal",
                          reasons: Mapping[str, Reason] = _REASONS) -> P:
    """The payload of an outcome: the user errors of a refusal (a top-level one raised, `what`
    naming the object it concerns; `reasons` the user errors of other outcomes), or the
    proposal as the viewer now sees it."""
    errors = outcome_errors(outcome, what, reasons)
    if errors:
        return payload(user_errors=errors, client_mutation_id=client_id)
    found = await resolve_node(info.context, "Proposal", proposal_id)
    return payload(proposal=found if isinstance(found, Proposal) else None,
                   client_mutation_id=client_id)


def _related(content: ProposalContentModel) -> dict[str, Any]:
    return {"competenceIds": _node_ids(content.sought_competences, "Competence"),
            "areaIds": _node_ids(content.s3_areas, "S3Area")}


async def _transition(info: strawberry.Info[Context, None], payload: type[P], name: str,
                      given: Any, note_field: str | None = None) -> P:
    """Carry out the proposal transition `name` (a row of PROPOSAL_TRANSITIONS); with
    `note_field`, that input field becomes the proposal's review note."""
    require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return payload(user_errors=errors, client_mutation_id=given.client_mutation_id)
    proposal_id = global_ids.decode_as(chosen.proposal, "Proposal")
    transition = PROPOSAL_TRANSITIONS[name]
    [target] = transition.targets
    outcome = await change_status(
        info, transition, proposal_id, target,
        note=getattr(chosen, note_field) if note_field else None,
        sets_note=note_field is not None)
    return await proposal_answer(info, payload, outcome, proposal_id, chosen.client_mutation_id)


@strawberry.type
class ProposalMutations:
    @strawberry.mutation(description="Draft a territorial proposal, for oneself or on behalf "
                         "of an organization one is a member of. It stays a draft, visible to "
                         "its proposer, until it is submitted and validated.")
    async def create_proposal(self, info: strawberry.Info[Context, None],
                              input: CreateProposalInput) -> CreateProposalPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return CreateProposalPayload(user_errors=errors,
                                         client_mutation_id=input.client_mutation_id)
        proposal_id = new_id()
        organization = (global_ids.decode_as(chosen.on_behalf_of, "Organization")
                        if chosen.on_behalf_of else None)
        related = {key: value or [] for key, value in _related(chosen).items()}
        record = await write_statement(info.context, "opportunities/create_proposal", {
            "proposalId": proposal_id, "organizationId": organization,
            "properties": chosen.properties(), **related})
        return await proposal_answer(info, CreateProposalPayload, record["outcome"], proposal_id,
                             chosen.client_mutation_id, what="organization")

    @strawberry.mutation(description="Change a draft proposal (one sent back included); by "
                         "its author or an admin of the organization it is made for.")
    async def update_proposal(self, info: strawberry.Info[Context, None],
                              input: UpdateProposalInput) -> UpdateProposalPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return UpdateProposalPayload(user_errors=errors,
                                         client_mutation_id=input.client_mutation_id)
        proposal_id = global_ids.decode_as(chosen.proposal, "Proposal")
        record = await write_statement(info.context, "opportunities/update_proposal", {
            "proposalId": proposal_id, "editable": sorted(EDITABLE),
            "changes": chosen.properties(), **_related(chosen)},
            may_edit=EDITORS, visible=PROPOSAL.visibility)
        return await proposal_answer(info, UpdateProposalPayload, record["outcome"], proposal_id,
                             chosen.client_mutation_id)

    @strawberry.mutation(description="Submit a draft proposal for a facilitator's "
                         "validation (DRAFT → TO_VALIDATE).")
    async def submit_proposal(self, info: strawberry.Info[Context, None],
                              input: SubmitProposalInput) -> SubmitProposalPayload:
        return await _transition(info, SubmitProposalPayload, "submit", input)

    @strawberry.mutation(description="Validate a proposal awaiting validation, which publishes "
                         "it (TO_VALIDATE → PUBLISHED); facilitators only. The people whose "
                         "interests or skills match it are notified.")
    async def validate_proposal(self, info: strawberry.Info[Context, None],
                                input: ValidateProposalInput) -> ValidateProposalPayload:
        return await _transition(info, ValidateProposalPayload, "validate", input,
                                 note_field="note")

    @strawberry.mutation(description="Send a proposal awaiting validation back to its author "
                         "as a draft, with the reason (TO_VALIDATE → DRAFT); facilitators "
                         "only. The reason is kept as the proposal's review note.")
    async def send_back_proposal(self, info: strawberry.Info[Context, None],
                                 input: SendBackProposalInput) -> SendBackProposalPayload:
        return await _transition(info, SendBackProposalPayload, "sendBack", input,
                                 note_field="reason")

    @strawberry.mutation(description="Close a published proposal to further interest "
                         "(PUBLISHED → CLOSED); by its proposer or a facilitator.")
    async def close_proposal(self, info: strawberry.Info[Context, None],
                             input: CloseProposalInput) -> CloseProposalPayload:
        return await _transition(info, CloseProposalPayload, "close", input)

    @strawberry.mutation(description="Archive a published or closed proposal, which hides it "
                         "(→ ARCHIVED); by its proposer or a facilitator.")
    async def archive_proposal(self, info: strawberry.Info[Context, None],
                               input: ArchiveProposalInput) -> ArchiveProposalPayload:
        return await _transition(info, ArchiveProposalPayload, "archive", input)

