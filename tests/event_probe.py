"""The event log beside the API, for the tests of what each mutation records: the events
committed after a position, those about some objects, and who may receive one.

Tests run in one process and in any order, so a test reads the log's end just before its
mutation and keeps, of what follows, only the events about its own objects (or by its own
people, to show that a refusal recorded nothing).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app import event_log
from app.db import Database
from app.event_log import LoggedEvent
from schema.events.access import visible_pairs


async def log_end(db: Database) -> int:
    """The seq of the latest event: read before a mutation, the log after it is its own."""
    return await event_log.last_seq(db)


async def since(db: Database, before: int) -> list[LoggedEvent]:
    """Every event committed after seq `before`, in order."""
    found: list[LoggedEvent] = []
    while page := await event_log.read_after(db, before):
        found += page
        before = page[-1].seq
    return found


async def recorded(db: Database, before: int, *node_ids: str) -> list[LoggedEvent]:
    """The events committed after seq `before` whose subject or recipient is one of
    `node_ids`, in order (other tests' events are left out)."""
    return [event for event in await since(db, before)
            if event.subject_id in node_ids or event.recipient_id in node_ids]


def payload(event: LoggedEvent) -> dict[str, Any]:
    """The event's payload, decoded."""
    decoded: dict[str, Any] = json.loads(event.payload)
    return decoded


def shape(event: LoggedEvent) -> tuple[str, str, str, str, str, str | None]:
    """What an event is about: type, subject type and id, scope type and id, recipient."""
    return (event.type, event.subject_type, event.subject_id, event.scope_type, event.scope_id,
            event.recipient_id)


async def audience(db: Database, event: LoggedEvent,
                   people: Mapping[str, str | None]) -> set[str]:
    """The names (keys of `people`, whose values are user ids, None for an anonymous
    visitor) of those who may receive `event` now, by the rule the event hub applies."""
    allowed = await visible_pairs(db, [(event, user_id) for user_id in people.values()])
    return {name for name, user_id in people.items() if (event.seq, user_id) in allowed}


@dataclass(frozen=True)
class Recorded:
    """A logged event as a test compares it: its fields and its payload decoded."""

    event: LoggedEvent

    @property
    def type(self) -> str:
        return self.event.type

    @property
    def payload(self) -> dict[str, Any]:
        return payload(self.event)

    @property
    def subject(self) -> tuple[str, str]:
        return self.event.subject_type, self.event.subject_id

    @property
    def scope(self) -> tuple[str, str]:
        return self.event.scope_type, self.event.scope_id


class Log:
    """The events committed since the log's end when `mark` was last awaited."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.start = 0

    async def mark(self) -> None:
        """Remember the log's end: what follows is what the next mutations record."""
        self.start = await log_end(self.db)

    async def since(self) -> list[Recorded]:
        """Every event committed since the mark, in order."""
        return [Recorded(event) for event in await since(self.db, self.start)]

    async def about(self, *node_ids: str) -> list[Recorded]:
        """The events since the mark whose subject or scope is one of `node_ids`, or whose
        payload names one (the object a notification is about)."""
        wanted = set(node_ids)
        return [found for found in await self.since()
                if {found.event.subject_id, found.event.scope_id,
                    *(value for value in found.payload.values() if isinstance(value, str))}
                & wanted]

    async def by(self, actor_id: str) -> list[Recorded]:
        """The events since the mark that `actor_id` made."""
        return [found for found in await self.since() if found.event.actor_id == actor_id]


async def receivers(db: Database, found: Recorded,
                    viewers: Mapping[str, str | None]) -> set[str]:
    """The names of `viewers` (name: user id, None for an anonymous visitor) who may receive
    the event now, as subscriptions decide."""
    return await audience(db, found.event, viewers)
