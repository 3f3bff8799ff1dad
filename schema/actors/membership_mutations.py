"""Membership of organizations: requests and invitations, their answers, admins handing over,
members removed or leaving.

A person asks to join (a pending request) or an admin invites them (a pending invitation);
the other side accepts or refuses. A request meeting an invitation, or an invitation meeting a
request, makes the membership active at once: both sides want it. An organization always keeps
at least one admin. The write statements lock the organization first, so that concurrent
changes of its memberships see each other (two last admins cannot both leave).
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import Any

import strawberry
from pydantic import Field

from app import ids as global_ids
from app.context import Context
from schema.actors.changes import Info, run
from schema.actors.organization_mutations import MAY_ADMINISTER
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserErrorCode,
    outcome_errors,
    require_viewer,
    validated,
)
from schema.node import resolve_node


@strawberry.enum(description="Where a person stands with an organization.")
class OrganizationMembershipStatus(Enum):
    ACTIVE = "ACTIVE"
    REQUESTED = "REQUESTED"
    INVITED = "INVITED"
    NONE = "NONE"


class MembershipTarget(MutationInput):
    organization: str


class MembershipOfPerson(MutationInput):
    organization: str
    person: str


class MembershipRequest(MutationInput):
    organization: str
    title: str | None = Field(default=None, max_length=120, description=(
        "The viewer's job title there, at most 120 characters."))


class Invitation(MutationInput):
    organization: str
    person: str
    title: str | None = Field(default=None, max_length=120, description=(
        "The person's job title there, at most 120 characters."))


class MembershipAnswer(MutationInput):
    organization: str
    person: str | None = Field(default=None, description=(
        "Whose request to answer; omitted, the viewer answers their own invitation."))
    accept: bool


class AdminHandOver(MutationInput):
    organization: str
    person: str
    step_down: bool = Field(default=False, description=(
        "Whether the viewer stops being an admin (and stays a member)."))


@strawberry.experimental.pydantic.input(model=MembershipRequest,
                                        description="The organization the viewer asks to join.")
class RequestOrganizationMembershipInput:
    organization: strawberry.ID
    title: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=Invitation,
                                        description="A person invited to join an organization.")
class InviteToOrganizationInput:
    organization: strawberry.ID
    person: strawberry.ID
    title: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=MembershipAnswer,
    description="An answer to a pending membership: an admin answers a person's request "
                "(`person`), a person their own invitation (`person` omitted).")
class AnswerOrganizationMembershipInput:
    organization: strawberry.ID
    person: strawberry.ID | None
    accept: bool
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=AdminHandOver, description="An active member to make an admin of an organization.")
class HandOverOrganizationAdminInput:
    organization: strawberry.ID
    person: strawberry.ID
    step_down: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=MembershipOfPerson,
    description="A person to remove from an organization: a member, an invitee or an "
                "applicant.")
class RemoveOrganizationMemberInput:
    organization: strawberry.ID
    person: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=MembershipTarget,
    description="The organization the viewer leaves (or whose request or invitation ends).")
class LeaveOrganizationInput:
    organization: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of a change of membership.")
class OrganizationMembershipPayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The organization, as changed.")
    person: User | None = strawberry.field(default=None, description="The person concerned.")
    status: OrganizationMembershipStatus | None = strawberry.field(
        default=None, description="Where the person now stands with the organization.")


# What a refusal means, by outcome; the fields are placed on the input by `_placed`.
REASONS = {
    "PERSON_NOT_FOUND": Reason("person", UserErrorCode.NOT_FOUND, "No user with this ID."),
    "ALREADY_DONE": Reason("person", UserErrorCode.ALREADY_DONE, "Already a member."),
    "ALREADY_ADMIN": Reason("person", UserErrorCode.ALREADY_DONE, "Already an admin."),
    "NOTHING_PENDING": Reason("person", UserErrorCode.INVALID_TRANSITION,
                              "There is no such request or invitation to answer."),
    "NOT_A_MEMBER": Reason("person", UserErrorCode.INVALID_TRANSITION,
                           "Not a member, an invitee or an applicant of the organization."),
    "NOT_ACTIVE": Reason("person", UserErrorCode.INVALID_TRANSITION,
                         "Only an active member can become an admin."),
    "SELF": Reason("person", UserErrorCode.NOT_ALLOWED, "Choose another member."),
    "LAST_ADMIN": Reason("organization", UserErrorCode.NOT_ALLOWED,
                         "An organization keeps at least one admin: make another member admin "
                         "first."),
}


def _placed(reason: Reason, action: str, names_person: bool) -> Reason:
    """`reason` concerning the input field that names its object: `action` for the
    organization itself, the organization for a person the input does not name (the
    viewer)."""
    if reason.field == "organization":
        return replace(reason, field=action)
    return reason if names_person else replace(reason, field="organization")


async def _change(info: Info, statement: str, given: Any,
                  action: str) -> OrganizationMembershipPayload:
    """Run a membership statement for the input `given`; `action` names the input field that
    a refusal about the organization itself concerns."""
    viewer_id = require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return OrganizationMembershipPayload(user_errors=errors,
                                             client_mutation_id=given.client_mutation_id)
    organization_id = global_ids.decode_as(chosen.organization, "Organization")
    person = getattr(chosen, "person", None)
    person_id = global_ids.decode_as(person, "User") if person else viewer_id
    parameters = {"viewerId": viewer_id, "organizationId": organization_id,
                  "personId": person_id, "title": getattr(chosen, "title", None),
                  "accept": getattr(chosen, "accept", None),
                  "stepDown": getattr(chosen, "step_down", False)}
    record = await run(info, statement, parameters, visible=ORGANIZATION.visibility,
                       person_visible=USER.visibility, administers=MAY_ADMINISTER)
    errors = outcome_errors(record["outcome"], "organization", {
        outcome: _placed(reason, action, names_person=bool(person))
        for outcome, reason in REASONS.items()})
    if errors:
        return OrganizationMembershipPayload(user_errors=errors,
                                             client_mutation_id=chosen.client_mutation_id)
    organization = await resolve_node(info.context, "Organization", organization_id)
    person_node = await resolve_node(info.context, "User", person_id)
    return OrganizationMembershipPayload(
        organization=organization if isinstance(organization, Organization) else None,
        person=person_node if isinstance(person_node, User) else None,
        status=OrganizationMembershipStatus(record["status"]),
        client_mutation_id=chosen.client_mutation_id)


@strawberry.type
class OrganizationMembershipMutations:
    @strawberry.mutation(description="Ask to join an organization; asking again changes "
                         "nothing, and an invitation already there makes the viewer a member.")
    async def request_organization_membership(
            self, info: strawberry.Info[Context, None],
            input: RequestOrganizationMembershipInput) -> OrganizationMembershipPayload:
        return await _change(info, "request_organization_membership", input, "organization")

    @strawberry.mutation(description="Invite a person to join an organization (its admins and "
                         "the platform admins); a request already there makes them a member.")
    async def invite_to_organization(
            self, info: strawberry.Info[Context, None],
            input: InviteToOrganizationInput) -> OrganizationMembershipPayload:
        return await _change(info, "invite_to_organization", input, "organization")

    @strawberry.mutation(description="Accept or refuse a pending membership: admins answer "
                         "requests, invitees their invitations.")
    async def answer_organization_membership(
            self, info: strawberry.Info[Context, None],
            input: AnswerOrganizationMembershipInput) -> OrganizationMembershipPayload:
        return await _change(info, "answer_organization_membership", input, "organization")

    @strawberry.mutation(description="Make an active member an admin of the organization, the "
                         "viewer optionally stepping down.")
    async def hand_over_organization_admin(
            self, info: strawberry.Info[Context, None],
            input: HandOverOrganizationAdminInput) -> OrganizationMembershipPayload:
        return await _change(info, "hand_over_organization_admin", input, "stepDown")

    @strawberry.mutation(description="Remove a member from an organization, or withdraw their "
                         "invitation or refuse their request (its admins and the platform "
                         "admins); the last admin cannot be removed.")
    async def remove_organization_member(
            self, info: strawberry.Info[Context, None],
            input: RemoveOrganizationMemberInput) -> OrganizationMembershipPayload:
        return await _change(info, "remove_organization_member", input, "person")

    @strawberry.mutation(description="Leave an organization, or withdraw the viewer's request or "
                         "refuse an invitation; the last admin cannot leave.")
    async def leave_organization(self, info: strawberry.Info[Context, None],
                                 input: LeaveOrganizationInput) -> OrganizationMembershipPayload:
        return await _change(info, "leave_organization", input, "organization")
