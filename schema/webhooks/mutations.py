"""Registering, changing, deleting and replaying one's webhooks.

Any signed-in person may register webhooks (at most WEBHOOKS_PER_USER); each is theirs alone:
for anyone else it does not exist (NOT_FOUND). A URL must be http(s) and, unless
WEBHOOK_ALLOW_PRIVATE_ADDRESSES is set, resolve to public addresses only
(`app.webhook_targets`). The secret that signs deliveries is returned once, by the mutation
that makes it. These mutations record no event: they concern their owner alone, who reads the
result in the payload.
"""

from __future__ import annotations

from typing import Any

import strawberry
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from app import ids, webhook_signing, webhook_targets
from app.context import Context
from schema.events.types import EventType
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
    write_statement,
)
from schema.node import resolve_node
from schema.scalars import BigInt
from schema.webhooks.types import Webhook

Info = strawberry.Info[Context, None]
MAX_FILTER_IDS = 50
REASONS = {
    "UNKNOWN_COMMUNITY": Reason("community", UserErrorCode.NOT_FOUND,
                                "No community with this ID."),
    "UNKNOWN_PROJECT": Reason("project", UserErrorCode.NOT_FOUND, "No project with this ID."),
    "UNKNOWN_AREA": Reason("s3Areas", UserErrorCode.NOT_FOUND, "An S3 area does not exist."),
    "UNKNOWN_COMPETENCE": Reason("competences", UserErrorCode.NOT_FOUND,
                                 "A competence does not exist."),
    "OUT_OF_RANGE": Reason("after", UserErrorCode.OUT_OF_RANGE,
                           "The log has no event with this seq yet."),
}


def _distinct(values: list[Any] | None) -> list[Any] | None:
    return None if values is None else list(dict.fromkeys(values))


class WebhookSettingsModel(MutationInput):
    url: str = Field(max_length=webhook_targets.MAX_URL_LENGTH, description=(
        "An http or https URL (at most 2000 characters) whose host resolves to public "
        "addresses."))
    event_types: list[EventType] | None = Field(
        default=None, min_length=1, max_length=len(EventType),
        description="Only events of these types; null: every type.")
    s3_areas: list[str] | None = Field(
        default=None, min_length=1, max_length=MAX_FILTER_IDS,
        description=f"Only events about these S3 areas (at most {MAX_FILTER_IDS}); null: any.")
    competences: list[str] | None = Field(
        default=None, min_length=1, max_length=MAX_FILTER_IDS,
        description=f"Only events about these competences (at most {MAX_FILTER_IDS}); null: "
        "any.")
    community: str | None = Field(default=None,
                                  description="Only events in this community; null: any.")
    project: str | None = Field(default=None,
                                description="Only events about this project; null: any.")

    _lists = field_validator("event_types", "s3_areas", "competences")(_distinct)

    @field_validator("url")
    @classmethod
    def _usable_form(cls, value: str) -> str:
        problem = webhook_targets.form_problem(value)
        if problem is not None:
            raise PydanticCustomError("url", problem)
        return value

    def parameters(self) -> dict[str, Any]:
        """The statement parameters of the URL and filters (node ids)."""

        def decoded(given: list[str] | None, type_name: str) -> list[str] | None:
            return None if given is None else [ids.decode_as(g, type_name) for g in given]

        return {
            "url": self.url,
            "eventTypes": None if self.event_types is None else [
                event_type.value for event_type in self.event_types],
            "s3Areas": decoded(self.s3_areas, "S3Area"),
            "competences": decoded(self.competences, "Competence"),
            "communityId": ids.decode_as(self.community, "Community") if self.community
            else None,
            "projectId": ids.decode_as(self.project, "Project") if self.project else None,
        }


class RegisterWebhookModel(WebhookSettingsModel):
    pass


class UpdateWebhookModel(WebhookSettingsModel):
    webhook: str
    enabled: bool | None = Field(default=None, description=(
        "false pauses deliveries (events wait in the log); true resumes them, also after "
        "failures disabled the webhook; null leaves it as it is."))
    renew_secret: bool = Field(default=False, description=(
        "true: a new secret signs deliveries from now on (returned in the payload, once); the "
        "former one stops at once."))


class WebhookReferenceModel(MutationInput):
    webhook: str


class ReplayWebhookModel(MutationInput):
    webhook: str
    after: int = Field(ge=0, description=(
        "The seq after which events are delivered again (0: the whole log); earlier than "
        "`lastSeq` sends events again, later skips some."))


_FILTERS = ("Events are delivered when they match every filter given (a list: any of its "
            "values) and the webhook's owner may see them when they are delivered.")


@strawberry.experimental.pydantic.input(
    model=RegisterWebhookModel, description=f"A new webhook. {_FILTERS}")
class RegisterWebhookInput:
    url: strawberry.auto
    event_types: strawberry.auto
    s3_areas: list[strawberry.ID] | None = None
    competences: list[strawberry.ID] | None = None
    community: strawberry.ID | None = None
    project: strawberry.ID | None = None
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=UpdateWebhookModel, description="A webhook's new URL and filters, which replace the "
    f"former ones whole (a filter left out accepts any value). {_FILTERS}")
class UpdateWebhookInput:
    webhook: strawberry.ID
    url: strawberry.auto
    event_types: strawberry.auto
    s3_areas: list[strawberry.ID] | None = None
    competences: list[strawberry.ID] | None = None
    community: strawberry.ID | None = None
    project: strawberry.ID | None = None
    enabled: strawberry.auto
    renew_secret: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=WebhookReferenceModel,
                                        description="The webhook to delete.")
class DeleteWebhookInput:
    webhook: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=ReplayWebhookModel, description="Where in the log a webhook's deliveries start again.")
class ReplayWebhookInput:
    webhook: strawberry.ID
    after: BigInt
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of registering or changing a webhook.")
class WebhookPayload(Payload):
    webhook: Webhook | None = strawberry.field(default=None,
                                               description="The webhook as it is now.")
    secret: str | None = strawberry.field(
        default=None, description="The secret that signs the webhook's deliveries, when this "
        "mutation made it: shown here only, never again. Keep it with the receiver.")


@strawberry.type(description="The result of deleteWebhook.")
class DeleteWebhookPayload(Payload):
    deleted_webhook_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID of the webhook deleted (with its deliveries).")


async def _address_errors(info: Info, url: str) -> list[UserError]:
    """The user error of a URL whose host webhooks may not reach, or cannot be resolved."""
    try:
        await webhook_targets.resolve(url, info.context.settings.webhook_allow_private_addresses)
    except webhook_targets.AddressNotAllowed as refused:
        return user_error("url", UserErrorCode.NOT_ALLOWED, str(refused))
    except webhook_targets.TargetError as unusable:
        return user_error("url", UserErrorCode.INVALID, str(unusable))
    return []


async def _webhook_payload(info: Info, record: dict[str, Any], webhook_id: str,
                           secret: str | None, client_mutation_id: str | None,
                           reasons: dict[str, Reason]) -> WebhookPayload:
    errors = outcome_errors(record["outcome"], "webhook", reasons)
    if errors:
        return WebhookPayload(user_errors=errors, client_mutation_id=client_mutation_id)
    webhook = await resolve_node(info.context, "Webhook", webhook_id)
    return WebhookPayload(webhook=webhook, secret=secret,  # type: ignore[arg-type]
                          client_mutation_id=client_mutation_id)


async def _saved(info: Info, chosen: WebhookSettingsModel, statement: str, webhook_id: str,
                 secret: str | None, parameters: dict[str, Any],
                 reasons: dict[str, Reason]) -> WebhookPayload:
    """Check the address of the URL, run `webhooks/<statement>` with the URL and filters, and
    answer with the webhook as it is now (and the secret, when one was made)."""
    errors = await _address_errors(info, chosen.url)
    if errors:
        return WebhookPayload(user_errors=errors, client_mutation_id=chosen.client_mutation_id)
    record = await write_statement(info.context, f"webhooks/{statement}", {
        **chosen.parameters(), **parameters, "webhookId": webhook_id, "secret": secret})
    return await _webhook_payload(info, record, webhook_id, secret, chosen.client_mutation_id,
                                  reasons)


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="Register a webhook: the events after now that match its "
                         "filters and that the viewer may see are POSTed to its URL, signed "
                         "with the secret the payload returns (once).")
    async def register_webhook(self, info: Info, input: RegisterWebhookInput) -> WebhookPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return WebhookPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        limit = info.context.settings.webhooks_per_user
        too_many = Reason(None, UserErrorCode.TOO_MANY,
                          f"One person may register at most {limit} webhooks.")
        return await _saved(info, chosen, "register_webhook", new_id(),
                            webhook_signing.new_secret(), {"limit": limit},
                            {**REASONS, "TOO_MANY": too_many})

    @strawberry.mutation(description="Change one's webhook: its URL and filters, pause or "
                         "resume it, renew its secret.")
    async def update_webhook(self, info: Info, input: UpdateWebhookInput) -> WebhookPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return WebhookPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        return await _saved(info, chosen, "update_webhook",
                            ids.decode_as(chosen.webhook, "Webhook"),
                            webhook_signing.new_secret() if chosen.renew_secret else None,
                            {"enabled": chosen.enabled}, REASONS)

    @strawberry.mutation(description="Delete one's webhook and the record of its deliveries.")
    async def delete_webhook(self, info: Info,
                             input: DeleteWebhookInput) -> DeleteWebhookPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DeleteWebhookPayload(user_errors=errors,
                                        client_mutation_id=input.client_mutation_id)
        record = await write_statement(info.context, "webhooks/delete_webhook", {
            "webhookId": ids.decode_as(chosen.webhook, "Webhook")})
        outcome_errors(record["outcome"], "webhook")
        return DeleteWebhookPayload(deleted_webhook_id=strawberry.ID(chosen.webhook),
                                    client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Deliver one's webhook's events again from a point of the "
                         "log (each with the delivery id it had), enabling it again if failures "
                         "had disabled it.")
    async def replay_webhook(self, info: Info, input: ReplayWebhookInput) -> WebhookPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return WebhookPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        webhook_id = ids.decode_as(chosen.webhook, "Webhook")
        record = await write_statement(info.context, "webhooks/replay_webhook", {
            "webhookId": webhook_id, "after": chosen.after})
        return await _webhook_payload(info, record, webhook_id, None,
                                      chosen.client_mutation_id, REASONS)
