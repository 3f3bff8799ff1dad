"""Expressing interest in a published proposal, withdrawing it, and the proposer's decision."""

from __future__ import annotations

from enum import Enum

import strawberry
from pydantic import Field

from app import ids as global_ids
from app.context import Context
from schema.loading import applied
from schema.mutations import (
    MutationInput,
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
from schema.opportunities.transitions import (
    INTEREST_TRANSITIONS,
    OPEN_FOR_INTEREST,
    change_status,
)
from schema.opportunities.types import PROPOSAL, ExpressionOfInterest

# At most this many people hear of an expression of interest: its proposer, or the
# facilitators of the EEN contact point (cypher/queries/opportunities/
# submit_expression_of_interest.cypher).
INTEREST_NOTICES = 20
_SUBMIT_REASONS = {
    "ALREADY_DONE": Reason("proposal", UserErrorCode.ALREADY_DONE,
                           "You already expressed interest in this proposal for this "
                           "organization (or for yourself)."),
    "NOT_ALLOWED": Reason("proposal", UserErrorCode.NOT_ALLOWED,
                          "You cannot express interest in your own proposal."),
    "INVALID_TRANSITION": Reason("proposal", UserErrorCode.INVALID_TRANSITION,
                                 "The proposal takes no more expressions of interest."),
}
_DECISION_REASONS = {
    "INVALID_TRANSITION": Reason("expressionOfInterest", UserErrorCode.INVALID_TRANSITION,
                                 "The expression of interest's status does not allow this."),
}


@strawberry.enum(description="The decision on an expression of interest: its proposer's, or "
                 "for an EEN proposal that of the EEN contact point, for whom RELEVANT means "
                 "passed on to the profile's owner through the Network.")
class InterestDecision(Enum):
    RELEVANT = "RELEVANT"
    REJECTED = "REJECTED"


class SubmitExpressionOfInterestModel(MutationInput):
    proposal: str
    contribution: str = Field(min_length=3, max_length=2000,
                              description="What the author offers to bring.")
    message: str | None = Field(default=None, max_length=4000)
    on_behalf_of: str | None = None


class InterestReferenceModel(MutationInput):
    expression_of_interest: str


class DecideExpressionOfInterestModel(InterestReferenceModel):
    decision: InterestDecision


@strawberry.experimental.pydantic.input(
    model=SubmitExpressionOfInterestModel,
    description="An offer to take part in a published proposal.")
class SubmitExpressionOfInterestInput:
    proposal: strawberry.ID
    contribution: strawberry.auto
    message: strawberry.auto
    on_behalf_of: strawberry.ID | None = strawberry.field(
        default=None, description="The organization the author speaks for; the viewer must be "
        "one of its members.")
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=InterestReferenceModel,
                                        description="The expression of interest to withdraw.")
class WithdrawExpressionOfInterestInput:
    expression_of_interest: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=DecideExpressionOfInterestModel,
                                        description="The expression of interest to decide on, "
                                        "and the decision.")
class DecideExpressionOfInterestInput:
    expression_of_interest: strawberry.ID
    decision: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.type(description="An expression of interest after a change.")
class ExpressionOfInterestPayload(Payload):
    expression_of_interest: ExpressionOfInterest | None = strawberry.field(
        default=None, description="The expression of interest as the viewer may now see it "
        "(null when the viewer may not, or when the mutation did nothing).")


@strawberry.type(description="The result of submitExpressionOfInterest.")
class SubmitExpressionOfInterestPayload(ExpressionOfInterestPayload):
    pass


@strawberry.type(description="The result of withdrawExpressionOfInterest.")
class WithdrawExpressionOfInterestPayload(ExpressionOfInterestPayload):
    pass


@strawberry.type(description="The result of decideExpressionOfInterest.")
class DecideExpressionOfInterestPayload(ExpressionOfInterestPayload):
    pass


async def _resolve(info: strawberry.Info[Context, None],
                   interest_id: str) -> ExpressionOfInterest | None:
    found = await resolve_node(info.context, "ExpressionOfInterest", interest_id)
    return found if isinstance(found, ExpressionOfInterest) else None


@strawberry.type
class InterestMutations:
    @strawberry.mutation(description="Express interest in a published proposal before its "
                         "deadline, for oneself or on behalf of an organization one is a "
                         "member of; once per proposal and organization (or oneself). Its "
                         "proposer is notified; for an EEN proposal, the facilitators of the "
                         "region's EEN contact point, who follow it up.")
    async def submit_expression_of_interest(
            self, info: strawberry.Info[Context, None],
            input: SubmitExpressionOfInterestInput) -> SubmitExpressionOfInterestPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return SubmitExpressionOfInterestPayload(
                user_errors=errors, client_mutation_id=input.client_mutation_id)
        proposal_id = global_ids.decode_as(chosen.proposal, "Proposal")
        organization = (global_ids.decode_as(chosen.on_behalf_of, "Organization")
                        if chosen.on_behalf_of else None)
        interest_id = new_id()
        record = await write_statement(
            info.context, "opportunities/submit_expression_of_interest", {
                "proposalId": proposal_id, "organizationId": organization,
                "interestId": interest_id,
                "noticeIds": [new_id() for _ in range(INTEREST_NOTICES)],
                "key": "|".join((viewer_id, proposal_id, organization or "")),
                "contribution": chosen.contribution, "message": chosen.message,
                "openStatuses": sorted(OPEN_FOR_INTEREST)},
            visible=PROPOSAL.visibility, proposes=applied("access/viewer_proposes", "proposal"))
        outcome = record["outcome"]
        # NOT_FOUND is the proposal's refusal; the organization it is made for answers
        # ORGANIZATION_NOT_FOUND, and FORBIDDEN when the viewer is not one of its members.
        what = "organization" if outcome in ("ORGANIZATION_NOT_FOUND", "FORBIDDEN") else "proposal"
        errors = outcome_errors(outcome.removeprefix("ORGANIZATION_"), what, _SUBMIT_REASONS)
        return SubmitExpressionOfInterestPayload(
            expression_of_interest=None if errors else await _resolve(info, interest_id),
            user_errors=errors, client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Withdraw one's expression of interest (SUBMITTED → "
                         "WITHDRAWN).")
    async def withdraw_expression_of_interest(
            self, info: strawberry.Info[Context, None],
            input: WithdrawExpressionOfInterestInput) -> WithdrawExpressionOfInterestPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return WithdrawExpressionOfInterestPayload(
                user_errors=errors, client_mutation_id=input.client_mutation_id)
        interest_id = global_ids.decode_as(chosen.expression_of_interest, "ExpressionOfInterest")
        outcome = await change_status(info, INTEREST_TRANSITIONS["withdraw"], interest_id,
                                      "WITHDRAWN")
        errors = outcome_errors(outcome, "expression of interest", _DECISION_REASONS)
        return WithdrawExpressionOfInterestPayload(
            expression_of_interest=None if errors else await _resolve(info, interest_id),
            user_errors=errors, client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Decide on an expression of interest in one's proposal "
                         "(SUBMITTED → RELEVANT or REJECTED); by its proposer or an admin of "
                         "the organization it is made for, and for an EEN proposal by a "
                         "facilitator of the region's EEN contact point (RELEVANT: passed on to "
                         "the profile's owner through the Network). Its author is notified.")
    async def decide_expression_of_interest(
            self, info: strawberry.Info[Context, None],
            input: DecideExpressionOfInterestInput) -> DecideExpressionOfInterestPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DecideExpressionOfInterestPayload(
                user_errors=errors, client_mutation_id=input.client_mutation_id)
        interest_id = global_ids.decode_as(chosen.expression_of_interest, "ExpressionOfInterest")
        outcome = await change_status(info, INTEREST_TRANSITIONS["decide"], interest_id,
                                      chosen.decision.value)
        errors = outcome_errors(outcome, "expression of interest", _DECISION_REASONS)
        return DecideExpressionOfInterestPayload(
            expression_of_interest=None if errors else await _resolve(info, interest_id),
            user_errors=errors, client_mutation_id=chosen.client_mutation_id)
