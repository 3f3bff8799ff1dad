"""The event log beside the API, for the tests of what each mutation records: the events
committed after a position, those about some objects, and who may receive one.

Tests run in one process and in any order, so a test reads the log's end just before its
mutation and keeps, of what follows, only the events about its own objects (or by its own
people, to show that a refusal recorded nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app import event_log
from app.db import Database
from app.event_log import LoggedEvent
from schema.events.access import visible_pairs


@dataclass(frozen=True)
class Recorded:
    """A logged event as a test compares it: its fields and its payload decoded."""

    event: LoggedEvent

    @property
    def type(self) -> str:
        return self.event.type

    @property
    def payload(self) -> dict[str, Any]:
        decoded: dict[str, Any] = json.loads(self.event.payload)
        return decoded

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
        self.start = await event_log.last_seq(self.db)

    async def since(self) -> list[Recorded]:
        """Every event committed since the mark, in order."""
        found: list[Recorded] = []
        after = self.start
        while page := await event_log.read_after(self.db, after):
            found += [Recorded(event) for event in page]
            after = page[-1].seq
        return found

    async def about(self, *node_ids: str) -> list[Recorded]:
        """The events since the mark whose subject, scope or notified object is one of
        `node_ids`."""
        wanted = set(node_ids)
        return [recorded for recorded in await self.since()
                if {recorded.event.subject_id, recorded.event.scope_id,
                    recorded.payload.get("aboutId")} & wanted]

    async def by(self, actor_id: str) -> list[Recorded]:
        """The events since the mark that `actor_id` made."""
        return [recorded for recorded in await self.since()
                if recorded.event.actor_id == actor_id]


async def receivers(db: Database, recorded: Recorded, viewers: dict[str, str | None]) -> set[str]:
    """The names of `viewers` (name: user id, None for an anonymous visitor) who may receive
    the event now, as subscriptions decide."""
    allowed = await visible_pairs(db, [(recorded.event, viewer) for viewer in viewers.values()])
    return {name for name, viewer in viewers.items() if (recorded.event.seq, viewer) in allowed}
