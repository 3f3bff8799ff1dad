"""Marking one's notifications read."""

from __future__ import annotations

import strawberry
from pydantic import Field, model_validator

from app import ids as global_ids
from app.context import Context
from schema.actors.types import USER, User
from schema.loading import load_node
from schema.mutations import (
    MutationInput,
    Payload,
    refuse,
    require_viewer,
    validated,
    write_statement,
)

MAX_IDS = 100


class MarkNotificationsReadModel(MutationInput):
    ids: list[str] | None = Field(default=None, min_length=1, max_length=MAX_IDS)
    all: bool | None = None

    @model_validator(mode="after")
    def _one_choice(self) -> MarkNotificationsReadModel:
        if (self.ids is None) == (not self.all):
            raise ValueError("Give either ids or all: true.")
        return self


@strawberry.experimental.pydantic.input(
    model=MarkNotificationsReadModel,
    description="Which of the viewer's notifications to mark read: some by id, or all.")
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description=f"The notifications to mark read (at most {MAX_IDS}).")
    all: bool | None = strawberry.field(default=None,
                                        description="true: every notification of the viewer.")
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of markNotificationsRead.")
class MarkNotificationsReadPayload(Payload):
    marked_count: int = strawberry.field(
        default=0, description="How many unread notifications this marked read.")
    viewer: User | None = strawberry.field(
        default=None, description="The viewer, whose unread notification count is now lower.")


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(description="Mark some or all of one's notifications read; those "
                         "read before keep the time they were read.")
    async def mark_notifications_read(
            self, info: strawberry.Info[Context, None],
            input: MarkNotificationsReadInput) -> MarkNotificationsReadPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return MarkNotificationsReadPayload(user_errors=errors,
                                                client_mutation_id=input.client_mutation_id)
        ids = list(dict.fromkeys(global_ids.decode_as(value, "Notification")
                                 for value in chosen.ids or []))
        record = await write_statement(info.context, "notifications/mark_notifications_read",
                                       {"ids": ids, "all": bool(chosen.all)})
        refuse(record["outcome"], "notification")
        fields = await load_node(info.context, USER, viewer_id)
        return MarkNotificationsReadPayload(
            marked_count=record["marked"],
            viewer=User.from_fields(fields) if fields is not None else None,
            client_mutation_id=chosen.client_mutation_id)
