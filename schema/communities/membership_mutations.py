"""Membership of communities: joining, leaving, invitations, requests and roles.

A membership (`MEMBER_OF {role, status}`) moves: nothing → ACTIVE (joining an OPEN community),
nothing → REQUESTED (asking to join a RESERVED one) → ACTIVE | REJECTED (a manager decides),
nothing | REJECTED → INVITED (a manager invites) → ACTIVE (the person joins). Leaving or being
removed deletes it. A community keeps at least one active manager.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from app import ids
from app.context import Context
from schema.acting import rules
from schema.actors.types import User
from schema.communities.types import COMMUNITY, Community, CommunityRole, MembershipStatus
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


@strawberry.enum(description="What a manager answers to a request to join.")
class MembershipDecision(Enum):
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"


class CommunityModel(MutationInput):
    community: str


class MemberModel(CommunityModel):
    member: str


class DecisionModel(MemberModel):
    decision: MembershipDecision


class RoleModel(MemberModel):
    role: CommunityRole


@strawberry.experimental.pydantic.input(model=CommunityModel,
                                        description="The community to join.")
class JoinCommunityInput:
    community: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=CommunityModel,
                                        description="The community to leave.")
class LeaveCommunityInput:
    community: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=MemberModel,
                                        description="Whom to invite to which community.")
class InviteToCommunityInput:
    community: strawberry.ID
    member: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=MemberModel,
                                        description="Whose membership of which community ends.")
class RemoveMemberInput:
    community: strawberry.ID
    member: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=DecisionModel,
                                        description="The decision on a request to join.")
class DecideMembershipInput:
    community: strawberry.ID
    member: strawberry.ID
    decision: MembershipDecision
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=RoleModel,
                                        description="The new role of an active member.")
class ChangeMemberRoleInput:
    community: strawberry.ID
    member: strawberry.ID
    role: CommunityRole
    client_mutation_id: strawberry.auto


@strawberry.type(description="A person's membership of a community after a change.")
class MembershipPayload(Payload):
    community: Community | None = strawberry.field(default=None, description="The community.")
    member: User | None = strawberry.field(default=None, description="The person.")
    role: CommunityRole | None = strawberry.field(
        default=None, description="Their role now; null when they have no membership.")
    status: MembershipStatus | None = strawberry.field(
        default=None, description="Their membership's status now; null when they have none.")


NOT_A_MEMBER = Reason("member", UserErrorCode.NOT_FOUND,
                      "This person is not a member of the community, nor asking nor invited.")
LAST_MANAGER = Reason(None, UserErrorCode.NOT_ALLOWED,
                      "A community keeps at least one active manager.")
JOIN_REASONS = {
    "NOT_ALLOWED": Reason("community", UserErrorCode.NOT_ALLOWED,
                          "This community admits new members by invitation only."),
    "INVALID_TRANSITION": Reason("community", UserErrorCode.INVALID_TRANSITION,
                                 "The managers declined your request to join."),
}
INVITE_REASONS = {
    "UNKNOWN_MEMBER": Reason("member", UserErrorCode.NOT_FOUND, "No person with this ID."),
    "ALREADY_DONE": Reason("member", UserErrorCode.ALREADY_DONE,
                           "This person is already an active member."),
    "INVALID_TRANSITION": Reason("member", UserErrorCode.INVALID_TRANSITION,
                                 "This person asked to join: decide on the request instead."),
}
DECIDE_REASONS = {
    "NOT_A_MEMBER": NOT_A_MEMBER,
    "INVALID_TRANSITION": Reason("member", UserErrorCode.INVALID_TRANSITION,
                                 "This person has no request awaiting a decision."),
}
ROLE_REASONS = {
    "NOT_A_MEMBER": NOT_A_MEMBER, "LAST_MANAGER": LAST_MANAGER,
    "INVALID_TRANSITION": Reason("member", UserErrorCode.INVALID_TRANSITION,
                                 "Only an active member's role can change."),
}
LEAVE_REASONS = {"LAST_MANAGER": LAST_MANAGER}
REMOVE_REASONS = {"NOT_A_MEMBER": NOT_A_MEMBER, "LAST_MANAGER": LAST_MANAGER}


async def _change(info: strawberry.Info[Context, None], statement: str, given: Any,
                  reasons: dict[str, Reason], **extra: Any) -> MembershipPayload:
    """Run one membership statement for the validated `given` input; `extra` parameters are
    added to the community's and the member's ids (the member is the viewer when the input
    names none)."""
    viewer_id = require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return MembershipPayload(user_errors=errors, client_mutation_id=given.client_mutation_id)
    community_id = ids.decode_as(chosen.community, "Community")
    member = getattr(chosen, "member", None)
    member_id = ids.decode_as(member, "User") if member else viewer_id
    on = rules("community")
    record = await write_statement(
        info.context, f"communities/{statement}",
        {"communityId": community_id, "memberId": member_id, "notificationId": new_id(),
         **extra},
        known=COMMUNITY.visibility_of("community"), manages=on["manages"],
        administers=on["administers"])
    errors = outcome_errors(record["outcome"], "community", reasons)
    if errors:
        return MembershipPayload(user_errors=errors, client_mutation_id=chosen.client_mutation_id)
    return MembershipPayload(
        community=await resolve_node(info.context, "Community", community_id),  # type: ignore[arg-type]
        member=await resolve_node(info.context, "User", member_id),  # type: ignore[arg-type]
        role=CommunityRole(record["role"]) if record["role"] else None,
        status=MembershipStatus(record["status"]) if record["status"] else None,
        client_mutation_id=chosen.client_mutation_id)


@strawberry.type
class CommunityMembershipMutations:
    @strawberry.mutation(description="Join a community: an OPEN one at once, a RESERVED one by "
                         "asking the managers, a CLOSED one by accepting an invitation. Joining "
                         "again changes nothing.")
    async def join_community(self, info: strawberry.Info[Context, None],
                             input: JoinCommunityInput) -> MembershipPayload:
        return await _change(info, "join_community", input, JOIN_REASONS)

    @strawberry.mutation(description="Leave a community (or withdraw a request, or decline an "
                         "invitation); its last manager cannot.")
    async def leave_community(self, info: strawberry.Info[Context, None],
                              input: LeaveCommunityInput) -> MembershipPayload:
        return await _change(info, "leave_community", input, LEAVE_REASONS)

    @strawberry.mutation(description="Invite a person to a community (its managers); they are "
                         "notified and become members by joining.")
    async def invite_to_community(self, info: strawberry.Info[Context, None],
                                  input: InviteToCommunityInput) -> MembershipPayload:
        return await _change(info, "invite_to_community", input, INVITE_REASONS)

    @strawberry.mutation(description="Accept or reject a request to join a community (its "
                         "managers); the person asking is notified.")
    async def decide_membership(self, info: strawberry.Info[Context, None],
                                input: DecideMembershipInput) -> MembershipPayload:
        return await _change(info, "decide_membership", input, DECIDE_REASONS,
                             accept=input.decision == MembershipDecision.ACCEPT)

    @strawberry.mutation(description="Make an active member a manager or a participant (the "
                         "community's managers); a community keeps at least one manager.")
    async def change_member_role(self, info: strawberry.Info[Context, None],
                                 input: ChangeMemberRoleInput) -> MembershipPayload:
        return await _change(info, "change_member_role", input, ROLE_REASONS,
                             role=input.role.value)

    @strawberry.mutation(description="End a person's membership of a community, whatever its "
                         "status (the community's managers); not its last manager's.")
    async def remove_member(self, info: strawberry.Info[Context, None],
                            input: RemoveMemberInput) -> MembershipPayload:
        return await _change(info, "remove_member", input, REMOVE_REASONS)
