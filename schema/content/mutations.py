"""Discussions and comments: starting, changing, locking; commenting, answering, editing and
deleting.

Writing in a community takes an active membership (platform admins may too); comments on news
and on published proposals take only a signed-in person. Authors change what they wrote; a
community's managers and the facilitators moderate (lock discussions, delete comments).
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from pydantic import Field

from app import ids
from app.context import Context
from schema.acting import rules
from schema.communities.types import COMMUNITY, DISCUSSION, Discussion
from schema.content.types import COMMENT, NEWS, Comment
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
from schema.node import Node, node_kind, resolve_node

Title = Annotated[str, Field(min_length=3, max_length=200)]
Body = Annotated[str, Field(min_length=1, max_length=20000)]
COMMENTABLE = frozenset({"Discussion", "News", "Proposal"})
COMMENT_REASONS = {
    "CLOSED_SUBJECT": Reason("subject", UserErrorCode.NOT_ALLOWED,
                             "This takes no comments (a locked discussion, a proposal that is "
                             "not published)."),
    "NOT_ON_SUBJECT": Reason("replyTo", UserErrorCode.INVALID,
                             "A reply answers a comment on the same subject."),
    "DELETED": Reason("comment", UserErrorCode.INVALID_TRANSITION,
                      "A deleted comment cannot be changed."),
}


class StartDiscussionModel(MutationInput):
    community: str
    title: Title
    body: Body


class UpdateDiscussionModel(MutationInput):
    discussion: str
    title: Title | None = None
    body: Body | None = None


class LockDiscussionModel(MutationInput):
    discussion: str
    locked: bool = True


class AddCommentModel(MutationInput):
    subject: str
    body: Body
    reply_to: str | None = None


class EditCommentModel(MutationInput):
    comment: str
    body: Body


class DeleteCommentModel(MutationInput):
    comment: str


@strawberry.experimental.pydantic.input(model=StartDiscussionModel, description="A new "
                                        "discussion: titles of 3 to 200 characters, bodies of "
                                        "1 to 20,000.")
class CreateDiscussionInput:
    community: strawberry.ID
    title: strawberry.auto
    body: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=UpdateDiscussionModel, description="What to "
                                        "change in a discussion; null fields stay as they are.")
class UpdateDiscussionInput:
    discussion: strawberry.ID
    title: strawberry.auto
    body: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=LockDiscussionModel, description="Whether a "
                                        "discussion takes no more comments.")
class LockDiscussionInput:
    discussion: strawberry.ID
    locked: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=AddCommentModel, description="A comment on a "
                                        "discussion, a news item or a proposal, possibly "
                                        "answering another comment on it.")
class AddCommentInput:
    subject: strawberry.ID
    body: strawberry.auto
    reply_to: strawberry.ID | None = None
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=EditCommentModel,
                                        description="The new body of a comment.")
class EditCommentInput:
    comment: strawberry.ID
    body: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=DeleteCommentModel,
                                        description="The comment to delete.")
class DeleteCommentInput:
    comment: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of starting, changing or locking a discussion.")
class DiscussionPayload(Payload):
    discussion: Discussion | None = strawberry.field(
        default=None, description="The discussion as it is now.")


@strawberry.type(description="The result of adding, editing or deleting a comment.")
class CommentPayload(Payload):
    comment: Comment | None = strawberry.field(
        default=None, description="The comment as it is now.")


def _subject_fragments(label: str) -> dict[str, str]:
    """Who may find, and who may write on, a subject of `label`, and whether it takes comments:
    each by its own visibility; on discussions, the active members of their community."""
    if label == "Discussion":
        community = "EXISTS { MATCH (subject)-[:IN]->(community:Community) WHERE {rule} }"
        return {
            "found": DISCUSSION.visibility_of("subject"),
            "writer": community.replace("{rule}", rules("community")["member"])
                      + " OR " + rules("community")["administers"],
            "open": "NOT coalesce(subject.locked, false)",
        }
    kind = node_kind(label) if label == "Proposal" else NEWS
    if kind is None:
        raise RuntimeError(f"{label} is commentable but not registered")
    return {"found": kind.visibility_of("subject"), "writer": "true",
            "open": "subject.status = 'PUBLISHED'" if label == "Proposal" else "true"}


def _discussion_fragments() -> dict[str, str]:
    on = rules("community")
    return {"visible": DISCUSSION.visibility_of("discussion"), "manages": on["manages"],
            "facilitates": on["facilitates"]}


def _comment_fragments() -> dict[str, str]:
    return {**_discussion_fragments(), "visible": COMMENT.visibility_of("comment")}


async def _discussion(info: strawberry.Info[Context, None], statement: str, given: Any,
                      parameters: dict[str, Any], discussion_id: str) -> DiscussionPayload:
    record = await write_statement(info.context, f"content/{statement}", parameters,
                                   **_discussion_fragments())
    errors = outcome_errors(record["outcome"], "discussion")
    node = None if errors else await resolve_node(info.context, "Discussion", discussion_id)
    return DiscussionPayload(discussion=node,  # type: ignore[arg-type]
                             user_errors=errors, client_mutation_id=given.client_mutation_id)


async def _comment(info: strawberry.Info[Context, None], statement: str, given: Any,
                   parameters: dict[str, Any], comment_id: str, what: str = "comment",
                   **fragments: str) -> CommentPayload:
    record = await write_statement(info.context, f"content/{statement}",
                                   {**parameters, "commentId": comment_id},
                                   **(fragments or _comment_fragments()))
    errors = outcome_errors(record["outcome"], what, COMMENT_REASONS)
    node: Node | None = None if errors else await resolve_node(info.context, "Comment",
                                                               comment_id)
    return CommentPayload(comment=node,  # type: ignore[arg-type]
                          user_errors=errors, client_mutation_id=given.client_mutation_id)


@strawberry.type
class ContentMutations:
    @strawberry.mutation(description="Start a discussion in a community (its active members).")
    async def create_discussion(self, info: strawberry.Info[Context, None],
                                input: CreateDiscussionInput) -> DiscussionPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DiscussionPayload(user_errors=errors,
                                     client_mutation_id=input.client_mutation_id)
        discussion_id = new_id()
        on = rules("community")
        record = await write_statement(
            info.context, "content/create_discussion",
            {"communityId": ids.decode_as(chosen.community, "Community"),
             "discussionId": discussion_id, "title": chosen.title, "body": chosen.body},
            known=COMMUNITY.visibility_of("community"), member=on["member"],
            administers=on["administers"])
        errors = outcome_errors(record["outcome"], "community")
        node = None if errors else await resolve_node(info.context, "Discussion", discussion_id)
        return DiscussionPayload(discussion=node,  # type: ignore[arg-type]
                                 user_errors=errors, client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Change the title or body of a discussion (its author).")
    async def update_discussion(self, info: strawberry.Info[Context, None],
                                input: UpdateDiscussionInput) -> DiscussionPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DiscussionPayload(user_errors=errors,
                                     client_mutation_id=input.client_mutation_id)
        discussion_id = ids.decode_as(chosen.discussion, "Discussion")
        return await _discussion(info, "update_discussion", chosen,
                                 {"discussionId": discussion_id, "title": chosen.title,
                                  "body": chosen.body}, discussion_id)

    @strawberry.mutation(description="Lock a discussion, or open it again (the community's "
                         "managers and facilitators).")
    async def lock_discussion(self, info: strawberry.Info[Context, None],
                              input: LockDiscussionInput) -> DiscussionPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DiscussionPayload(user_errors=errors,
                                     client_mutation_id=input.client_mutation_id)
        discussion_id = ids.decode_as(chosen.discussion, "Discussion")
        return await _discussion(info, "lock_discussion", chosen,
                                 {"discussionId": discussion_id, "locked": chosen.locked},
                                 discussion_id)

    @strawberry.mutation(description="Comment on a discussion, a news item or a proposal, or "
                         "answer a comment there; its author (or the subject's) is notified.")
    async def add_comment(self, info: strawberry.Info[Context, None],
                          input: AddCommentInput) -> CommentPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return CommentPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        label, subject_id = ids.decode(chosen.subject, COMMENTABLE)
        reply_to = ids.decode_as(chosen.reply_to, "Comment") if chosen.reply_to else None
        return await _comment(
            info, "add_comment", chosen,
            {"subjectId": subject_id, "replyToId": reply_to, "body": chosen.body,
             "notificationId": new_id()},
            new_id(), label.lower(), label=label, **_subject_fragments(label))

    @strawberry.mutation(description="Change the body of a comment (its author).")
    async def edit_comment(self, info: strawberry.Info[Context, None],
                           input: EditCommentInput) -> CommentPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return CommentPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        return await _comment(info, "edit_comment", chosen, {"body": chosen.body},
                              ids.decode_as(chosen.comment, "Comment"))

    @strawberry.mutation(description="Delete a comment (its author, the community's managers, "
                         "facilitators): it keeps its place in the thread, and its replies, "
                         "without its body.")
    async def delete_comment(self, info: strawberry.Info[Context, None],
                             input: DeleteCommentInput) -> CommentPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return CommentPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        return await _comment(info, "delete_comment", chosen, {},
                              ids.decode_as(chosen.comment, "Comment"))
