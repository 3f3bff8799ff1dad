"""Notifications: what happened that a person should know about, and what it is about."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from app.context import Context
from schema.loading import Conditions, NodeKind, Relation
from schema.node import Node, register, resolve_labelled
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.values import native

NOTIFICATION = NodeKind("Notification", "notifications/notification_fields",
                        "notifications/notification_visible")


@strawberry.enum(description="What a notification tells.")
class NotificationKind(Enum):
    PROPOSAL_PUBLISHED = "PROPOSAL_PUBLISHED"
    INTEREST_RECEIVED = "INTEREST_RECEIVED"
    INTEREST_DECIDED = "INTEREST_DECIDED"
    COMMENT_ADDED = "COMMENT_ADDED"
    COMMUNITY_INVITATION = "COMMUNITY_INVITATION"
    MEMBERSHIP_DECIDED = "MEMBERSHIP_DECIDED"
    NEWS_PUBLISHED = "NEWS_PUBLISHED"
    PROJECT_UPDATED = "PROJECT_UPDATED"
    PROPOSAL_SENT_BACK = strawberry.enum_value(
        "PROPOSAL_SENT_BACK", description="A facilitator sent one's proposal back as a draft.")
    EEN_INTEREST_RECEIVED = strawberry.enum_value(
        "EEN_INTEREST_RECEIVED", description="A member expressed interest in an EEN proposal, "
        "for the facilitators of the region's EEN contact point to follow up.")


@strawberry.type(description="Something a person should know about. Visible to that person only.")
class Notification(Node):
    kind: NotificationKind
    created_at: datetime
    read_at: datetime | None = strawberry.field(description="When it was read; null if unread.")
    subject_ref: strawberry.Private[dict[str, Any] | None]

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Notification:
        return cls(node_id=fields["id"], kind=NotificationKind(fields["kind"]),
                   created_at=native(fields["createdAt"]), read_at=native(fields.get("readAt")),
                   subject_ref=fields.get("subject"))

    @strawberry.field(description="What the notification is about (a proposal, a comment, a "
                      "community...); null when the viewer may no longer see it.")
    async def subject(self, info: strawberry.Info[Context, None]) -> Node | None:
        if self.subject_ref is None:
            return None
        return await resolve_labelled(info.context, self.subject_ref["labels"],
                                      self.subject_ref["id"])


@strawberry.type(description="A notification in a list.")
class NotificationEdge(Edge[Notification]):
    pass


@strawberry.type(description="A page of notifications.")
class NotificationConnection(Connection[NotificationEdge]):
    pass



USER_NOTIFICATIONS = Relation("User", "FOR", outgoing=False, target=NOTIFICATION,
                              sort=SortKey("n.createdAt", kind="datetime", descending=True),
                              where=Conditions("notifications/notification_filter"))

register("Notification", NOTIFICATION, Notification.from_fields)

notification_edge = node_edge(NotificationEdge, Notification)
