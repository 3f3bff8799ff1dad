"""Events: what changed on the platform, as subscriptions and webhooks deliver it."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from app import ids
from app.context import Context
from app.event_log import LoggedEvent
from schema.node import Node, resolve_node
from schema.scalars import BigInt

# Events whose objects are kept for the subscribers still receiving them.
RECENT_EVENTS = 256


@strawberry.enum(description="What kind of change an event records.")
class EventType(Enum):
    USER_REGISTERED = "USER_REGISTERED"
    PROFILE_UPDATED = "PROFILE_UPDATED"
    FOLLOWED = "FOLLOWED"
    UNFOLLOWED = "UNFOLLOWED"
    ORGANIZATION_CREATED = "ORGANIZATION_CREATED"
    ORGANIZATION_UPDATED = "ORGANIZATION_UPDATED"
    ORGANIZATION_MEMBERSHIP_CHANGED = "ORGANIZATION_MEMBERSHIP_CHANGED"
    COMMUNITY_CREATED = "COMMUNITY_CREATED"
    COMMUNITY_UPDATED = "COMMUNITY_UPDATED"
    COMMUNITY_MEMBERSHIP_CHANGED = "COMMUNITY_MEMBERSHIP_CHANGED"
    NEWS_PUBLISHED = "NEWS_PUBLISHED"
    NEWS_UPDATED = "NEWS_UPDATED"
    NEWS_DELETED = "NEWS_DELETED"
    DISCUSSION_CREATED = "DISCUSSION_CREATED"
    DISCUSSION_UPDATED = "DISCUSSION_UPDATED"
    COMMENT_CREATED = "COMMENT_CREATED"
    COMMENT_EDITED = "COMMENT_EDITED"
    COMMENT_DELETED = "COMMENT_DELETED"
    PROPOSAL_CREATED = "PROPOSAL_CREATED"
    PROPOSAL_UPDATED = "PROPOSAL_UPDATED"
    PROPOSAL_PUBLISHED = "PROPOSAL_PUBLISHED"
    PROPOSAL_STATUS_CHANGED = "PROPOSAL_STATUS_CHANGED"
    PROPOSAL_CLOSED = "PROPOSAL_CLOSED"
    INTEREST_SUBMITTED = "INTEREST_SUBMITTED"
    INTEREST_DECIDED = "INTEREST_DECIDED"
    INTEREST_WITHDRAWN = "INTEREST_WITHDRAWN"
    EEN_CONTACT_POINT_CHANGED = "EEN_CONTACT_POINT_CHANGED"
    PROJECT_CREATED = "PROJECT_CREATED"
    PROJECT_UPDATED = "PROJECT_UPDATED"
    PROJECT_PARTNERS_CHANGED = "PROJECT_PARTNERS_CHANGED"
    PROJECT_PEOPLE_CHANGED = "PROJECT_PEOPLE_CHANGED"
    ACTIVITY_CHANGED = "ACTIVITY_CHANGED"
    MILESTONE_CHANGED = "MILESTONE_CHANGED"
    RESULT_CHANGED = "RESULT_CHANGED"
    BUDGET_CHANGED = "BUDGET_CHANGED"
    DOCUMENT_UPLOADED = "DOCUMENT_UPLOADED"
    DOCUMENT_VERSION_ADDED = "DOCUMENT_VERSION_ADDED"
    DOCUMENT_DELETED = "DOCUMENT_DELETED"
    NOTIFICATION_CREATED = "NOTIFICATION_CREATED"
    NOTIFICATIONS_READ = "NOTIFICATIONS_READ"


@strawberry.type(description="A committed change, as the event log records it. Events are "
                 "numbered by `seq` in the order their changes committed, without gaps; a "
                 "subscriber that passes the last `seq` it received as `after` misses none.")
class Event:
    seq: BigInt = strawberry.field(description="The event's place in the log.")
    type: EventType = strawberry.field(description="What kind of change it records.")
    at: datetime = strawberry.field(description="When the change was made.")
    subject_type: str = strawberry.field(
        description="The GraphQL type of the object the event concerns.")
    subject_id: strawberry.ID = strawberry.field(
        description="The global ID of the object the event concerns (it may since have been "
                    "deleted).")
    payload: JSON = strawberry.field(
        description="What changed: the event type's own fields (see the README's event "
                    "table); the objects it names are global IDs.")
    actor_ref: strawberry.Private[str | None]
    subject_ref: strawberry.Private[str]
    # results of selections every subscriber shares (schema.events.sharing)
    shared_results: strawberry.Private[dict[int, Any]]

    @classmethod
    def of(cls, event: LoggedEvent) -> Event:
        """The GraphQL object of a logged event: one for all the subscribers of the process
        who receive it about the same time (the latest events' objects are kept)."""
        found = _recent.get(event.seq)
        if found is None:
            found = _recent[event.seq] = cls._new(event)
            while len(_recent) > RECENT_EVENTS:
                _recent.popitem(last=False)
        return found

    @classmethod
    def _new(cls, event: LoggedEvent) -> Event:
        return cls(seq=BigInt(event.seq), type=EventType(event.type),
                   at=event.at, subject_type=event.subject_type,
                   subject_id=strawberry.ID(ids.encode(event.subject_type, event.subject_id)),
                   payload=JSON(event.public_payload()),
                   actor_ref=event.actor_id,
                   subject_ref=event.subject_id, shared_results={})

    @strawberry.field(description="The object the event concerns, as the subscriber may see "
                      "it now; null when it was deleted or the subscriber may not see it.")
    async def subject(self, info: strawberry.Info[Context, None]) -> Node | None:
        return await resolve_node(info.context, self.subject_type, self.subject_ref)

    @strawberry.field(description="The person who made the change, when the subscriber may "
                      "see them.")
    async def actor(self, info: strawberry.Info[Context, None]) -> Node | None:
        if self.actor_ref is None:
            return None
        return await resolve_node(info.context, "User", self.actor_ref)


_recent: OrderedDict[int, Event] = OrderedDict()
