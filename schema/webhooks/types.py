"""Webhooks and their deliveries, as their owner reads them."""

from __future__ import annotations

import asyncio
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from app.context import Context
from schema.communities.types import Community
from schema.events.types import EventType
from schema.loading import Conditions, NodeKind, Relation, related_connection
from schema.node import Node, register, resolve_node
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.projects.types import Project
from schema.scalars import BigInt
from schema.taxonomy.types import Competence, S3Area
from schema.values import native

WEBHOOK = NodeKind("Webhook", "webhooks/webhook_fields", "webhooks/webhook_visible")
DELIVERY = NodeKind("WebhookDelivery", "webhooks/delivery_fields")


@strawberry.enum(description="Where the delivery of an event to a webhook stands.")
class WebhookDeliveryStatus(Enum):
    PENDING = strawberry.enum_value(
        "PENDING", description="Not accepted yet: it is tried again after a wait "
        "(`Webhook.nextAttemptAt`); the webhook's later events wait for it.")
    DELIVERED = strawberry.enum_value(
        "DELIVERED", description="The receiver answered its latest attempt with a 2xx status.")
    FAILED = strawberry.enum_value(
        "FAILED", description="Its failures disabled the webhook; a replay sends it again.")


@strawberry.type(description="The delivery of one event to a webhook: the id it is sent with, "
                 "and how its attempts went. Sent again with the same id after a failure or a "
                 "replay; a webhook's events are delivered one after the other, in seq order.")
class WebhookDelivery:
    delivery_id: str = strawberry.field(
        description="The delivery's `Webhook-Id` header, the same at every attempt and replay: "
                    "a receiver that keeps the ids it handled never handles an event twice.")
    seq: BigInt = strawberry.field(description="The event's place in the log.")
    event_type: EventType
    status: WebhookDeliveryStatus
    attempts: int = strawberry.field(description="How many times it was sent, replays too.")
    last_status_code: int | None = strawberry.field(
        description="The HTTP status of the latest attempt; null when no answer came.")
    last_error: str | None = strawberry.field(
        description="What went wrong at the latest attempt (a status and the start of the "
                    "answer, a time-out, a refused address...); null when it succeeded.")
    last_attempt_at: datetime | None
    delivered_at: datetime | None = strawberry.field(
        description="When a receiver last accepted it.")
    created_at: datetime = strawberry.field(description="When it was first attempted.")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> WebhookDelivery:
        return cls(delivery_id=fields["id"], seq=BigInt(fields["seq"]),
                   event_type=EventType(fields["eventType"]),
                   status=WebhookDeliveryStatus(fields["status"]), attempts=fields["attempts"],
                   last_status_code=fields.get("lastStatusCode"),
                   last_error=fields.get("lastError"),
                   last_attempt_at=native(fields.get("lastAttemptAt")),
                   delivered_at=native(fields.get("deliveredAt")),
                   created_at=native(fields["createdAt"]))


@strawberry.type(description="A delivery in a list.")
class WebhookDeliveryEdge(Edge[WebhookDelivery]):
    pass


@strawberry.type(description="A page of a webhook's deliveries.")
class WebhookDeliveryConnection(Connection[WebhookDeliveryEdge]):
    pass


@strawberry.type(description="An endpoint that receives, as signed POST requests, the events "
                 "its owner may see and its filters accept, one after the other in seq order "
                 "(see the README's section on webhooks). Visible to its owner only.")
class Webhook(Node):
    url: str = strawberry.field(description="Where deliveries are POSTed.")
    event_types: list[EventType] | None = strawberry.field(
        description="The types of events delivered; null: every type.")
    enabled: bool = strawberry.field(
        description="Whether events are delivered; false when paused or disabled.")
    disabled_at: datetime | None = strawberry.field(
        description="When it was disabled for failing too many times in a row (the README "
                    "says how many); null unless it was. A replay or `enabled: true` in "
                    "updateWebhook enables it again.")
    consecutive_failures: int = strawberry.field(
        description="Failed attempts since the last success.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When the delivery that failed is tried again; null when none waits.")
    last_seq: BigInt = strawberry.field(
        description="The seq of the last event it handled: delivered, or passed over as one "
                    "its filters refuse or its owner may not see. Deliveries resume after it.")
    created_at: datetime
    area_ids: strawberry.Private[list[str] | None]
    competence_ids: strawberry.Private[list[str] | None]
    community_id: strawberry.Private[str | None]
    project_id: strawberry.Private[str | None]

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Webhook:
        types = fields.get("eventTypes")
        return cls(node_id=fields["id"], url=fields["url"],
                   event_types=None if types is None else [EventType(t) for t in types],
                   enabled=fields["enabled"], disabled_at=native(fields.get("disabledAt")),
                   consecutive_failures=fields["failures"],
                   next_attempt_at=native(fields.get("nextAttemptAt")),
                   last_seq=BigInt(fields["cursor"]), created_at=native(fields["createdAt"]),
                   area_ids=fields.get("s3Areas"), competence_ids=fields.get("competences"),
                   community_id=fields.get("communityId"), project_id=fields.get("projectId"))

    @strawberry.field(description="Only events about one of these S3 areas; null: any.")
    async def s3_areas(self, info: strawberry.Info[Context, None]) -> list[S3Area] | None:
        return await _nodes(info.context, "S3Area", self.area_ids)  # type: ignore[return-value]

    @strawberry.field(description="Only events about one of these competences; null: any.")
    async def competences(self,
                          info: strawberry.Info[Context, None]) -> list[Competence] | None:
        return await _nodes(info.context, "Competence",  # type: ignore[return-value]
                            self.competence_ids)

    @strawberry.field(description="Only events in this community; null: any.")
    async def community(self, info: strawberry.Info[Context, None]) -> Community | None:
        if self.community_id is None:
            return None
        return await resolve_node(info.context, "Community",  # type: ignore[return-value]
                                  self.community_id)

    @strawberry.field(description="Only events about this project; null: any.")
    async def project(self, info: strawberry.Info[Context, None]) -> Project | None:
        if self.project_id is None:
            return None
        return await resolve_node(info.context, "Project",  # type: ignore[return-value]
                                  self.project_id)

    @strawberry.field(description="Its deliveries, the latest event first, optionally of one "
                      "status.")
    async def deliveries(
        self, info: strawberry.Info[Context, None],
        status: WebhookDeliveryStatus | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> WebhookDeliveryConnection:
        return await related_connection(
            info, WEBHOOK_DELIVERIES, self.node_id, delivery_edge, WebhookDeliveryConnection,
            first, after, last, before, {"status": status.value if status else None})


async def _nodes(context: Context, type_name: str, node_ids: list[str] | None) -> list[Node] | None:
    if node_ids is None:
        return None
    found = await asyncio.gather(*(resolve_node(context, type_name, node_id)
                                   for node_id in node_ids))
    return [node for node in found if node is not None]


@strawberry.type(description="A webhook in a list.")
class WebhookEdge(Edge[Webhook]):
    pass


@strawberry.type(description="A page of webhooks.")
class WebhookConnection(Connection[WebhookEdge]):
    pass


USER_WEBHOOKS = Relation("User", "OWNED_BY", outgoing=False, target=WEBHOOK,
                         sort=SortKey("n.createdAt", kind="datetime", descending=True))
WEBHOOK_DELIVERIES = Relation("Webhook", "FOR", outgoing=False, target=DELIVERY,
                              sort=SortKey("n.seq", kind="int", descending=True),
                              where=Conditions("webhooks/delivery_filter"),
                              visible_with_parent=True)

register("Webhook", WEBHOOK, Webhook.from_fields)

webhook_edge = node_edge(WebhookEdge, Webhook)
delivery_edge = node_edge(WebhookDeliveryEdge, WebhookDelivery)

