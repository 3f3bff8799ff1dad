"""Reading the event log beside the API, for the tests of what each mutation records: the
events committed after a position that concern some objects, and who may receive each one."""

from __future__ import annotations

import json
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
    while True:
        page = await event_log.read_after(db, before)
        found += page
        if len(page) < event_log.PAGE_SIZE:
            return found
        before = page[-1].seq


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


async def audience(db: Database, event: LoggedEvent, people: dict[str, str]) -> set[str]:
    """The names (keys of `people`, whose values are user ids) of those who may receive
    `event` now, by the rule the event hub applies."""
    allowed = await visible_pairs(db, [(event, user_id) for user_id in people.values()])
    return {name for name, user_id in people.items() if (event.seq, user_id) in allowed}
