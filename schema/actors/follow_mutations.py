"""Following and unfollowing people, organizations, communities, proposals and projects."""

from __future__ import annotations

import strawberry
from pydantic import Field

from app import ids as global_ids
from app.context import Context
from schema.actors.changes import run
from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserErrorCode,
    outcome_errors,
    require_viewer,
    validated,
)
from schema.node import Node, node_kind, resolve_node

# The types a person may follow (the model's FOLLOWS targets).
FOLLOWABLE = frozenset({"User", "Organization", "Community", "Proposal", "Project"})
REASONS = {"NOT_ALLOWED": Reason("subject", UserErrorCode.NOT_ALLOWED,
                                 "You cannot follow yourself.")}


class FollowModel(MutationInput):
    subject: str = Field(description="The person, organization, community, proposal or "
                                     "project to follow or stop following.")


@strawberry.experimental.pydantic.input(model=FollowModel,
                                        description="What to follow or stop following.")
class FollowInput:
    subject: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=FollowModel,
                                        description="What to stop following.")
class UnfollowInput:
    subject: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of following or unfollowing.")
class FollowPayload(Payload):
    subject: Node | None = strawberry.field(
        default=None, description="What is now followed (or no longer followed).")


async def _change(info: strawberry.Info[Context, None], statement: str,
                  given: FollowInput | UnfollowInput) -> FollowPayload:
    require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return FollowPayload(user_errors=errors, client_mutation_id=given.client_mutation_id)
    type_name, subject_id = global_ids.decode(chosen.subject, FOLLOWABLE)
    kind = node_kind(type_name)
    if kind is None:  # a followable type whose domain is not registered
        raise RuntimeError(f"{type_name} is followable but not registered")
    record = await run(info, statement, {"subjectId": subject_id, "subjectType": type_name},
                       label=kind.label, visible=kind.visibility)
    errors = outcome_errors(record["outcome"], type_name.lower(), REASONS)
    if errors:
        return FollowPayload(user_errors=errors, client_mutation_id=chosen.client_mutation_id)
    return FollowPayload(subject=await resolve_node(info.context, type_name, subject_id),
                         client_mutation_id=chosen.client_mutation_id)


@strawberry.type
class FollowMutations:
    @strawberry.mutation(description="Follow a person, an organization, a community, a "
                         "proposal or a project; following twice changes nothing.")
    async def follow(self, info: strawberry.Info[Context, None],
                     input: FollowInput) -> FollowPayload:
        return await _change(info, "follow", input)

    @strawberry.mutation(description="Stop following someone or something; nothing changes "
                         "if the viewer did not follow it.")
    async def unfollow(self, info: strawberry.Info[Context, None],
                       input: UnfollowInput) -> FollowPayload:
        return await _change(info, "unfollow", input)
