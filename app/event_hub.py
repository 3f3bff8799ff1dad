"""Live events: each API process follows the event log and hands new events to its subscribers.

The log in Neo4j is the truth; the hub only reads it. It reads the events after its position
whenever it is woken: by a commit of this process (`committed`), by another replica through
the relay (Redis, when `REDIS_URL` is set: `app.event_relay`), or by its own poll every
`EVENT_POLL_SECONDS` (so replicas without Redis still deliver, later). Reading in seq order
from the log, every subscriber gets every event it may see, in order, once.

For each page of events the hub takes the subscribers whose filters accept an event, asks the
audience (`schema.events.access`) in one batch which of their viewers may see it at that
moment, and puts each visible event into the subscriber's bounded queue. A subscriber whose
queue is full has fallen too far behind: it is told (`on_overflow`) and dropped, so a slow
consumer costs at most its queue, never unbounded memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from neo4j.exceptions import DriverError, Neo4jError

from app import event_log
from app.db import Database
from app.event_log import LoggedEvent

logger = logging.getLogger("app.events")

# Which (seq, viewer id) pairs of those asked may see their event now.
Audience = Callable[[Database, list[tuple[LoggedEvent, str | None]]],
                    Awaitable[set[tuple[int, str | None]]]]
_RETRY_SECONDS = 1.0
# Reading again for events another replica committed but this one cannot read yet: first
# after this long, doubling up to the poll interval.
_LAG_FIRST_SECONDS = 0.025


class Relay(Protocol):
    """Tells the other replicas that the log grew, and hears when they say so."""

    async def publish(self, seq: int) -> None: ...

    async def run(self, on_seq: Callable[[int], None]) -> None: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class EventFilter:
    """Which events a subscriber asked for; None accepts any value. An event matches a set
    filter when it shares one of its values (areas, competences) or equals it."""

    types: frozenset[str] | None = None
    s3_areas: frozenset[str] | None = None
    competences: frozenset[str] | None = None
    community_id: str | None = None
    project_id: str | None = None
    recipient_id: str | None = None

    def accepts(self, event: LoggedEvent) -> bool:
        """Whether `event` is one the subscriber asked for (not yet whether it may see it)."""
        return ((self.types is None or event.type in self.types)
                and (self.s3_areas is None or not self.s3_areas.isdisjoint(event.s3_areas))
                and (self.competences is None
                     or not self.competences.isdisjoint(event.competences))
                and (self.community_id is None or event.community_id == self.community_id)
                and (self.project_id is None or event.project_id == self.project_id)
                and (self.recipient_id is None or event.recipient_id == self.recipient_id))


class Subscriber:
    """One subscription's place in the hub: its viewer, its filter and its queue of events."""

    def __init__(self, viewer_id: str | None, wanted: EventFilter, queue_limit: int,
                 on_overflow: Callable[[], None]) -> None:
        self.viewer_id = viewer_id
        self.wanted = wanted
        self.queue: asyncio.Queue[LoggedEvent] = asyncio.Queue(maxsize=queue_limit)
        self.on_overflow = on_overflow
        self.overflowed = False

    def offer(self, event: LoggedEvent) -> None:
        """Queue `event`, or drop the subscriber when its queue is full."""
        if self.overflowed:
            return
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            self.drop()

    def drop(self) -> None:
        """Hand this subscriber nothing more, and tell it (it resumes from the log)."""
        if not self.overflowed:
            self.overflowed = True
            self.on_overflow()


class EventHub:
    """The process's follower of the event log and its subscribers."""

    def __init__(self, db: Database, audience: Audience, poll_seconds: float,
                 relay: Relay | None = None) -> None:
        self.db = db
        self.audience = audience
        self.poll_seconds = poll_seconds
        self.relay = relay
        self.subscribers: set[Subscriber] = set()
        # The last seq whose subscribers were chosen: a subscriber joining now receives the
        # events after it from the hub, and reads the ones up to it from the log.
        self.horizon = 0
        # The highest seq another replica said it committed: on a Neo4j cluster the log may
        # be read from a secondary that has not applied it yet, so the hub reads again soon,
        # rather than at its next poll, until it has come that far.
        self.heard_seq = 0
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._started = asyncio.Event()
        self._listeners: list[Callable[[int], None]] = []

    async def start(self) -> None:
        """Start following the log from its current end (and listening to the relay)."""
        self._tasks.append(asyncio.create_task(self._follow(), name="event-hub"))
        if self.relay is not None:
            self._tasks.append(asyncio.create_task(self.relay.run(self.heard),
                                                   name="event-relay"))

    async def ready(self) -> None:
        """Wait until the hub knows where the log ends (it may start before Neo4j is up)."""
        await self._started.wait()

    async def stop(self) -> None:
        """Stop following the log and close the relay."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        if self.relay is not None:
            await self.relay.close()

    def committed(self, seq: int) -> None:
        """This process committed events up to `seq`: read them now, and tell the others."""
        self._wake.set()
        if self.relay is not None:
            task = asyncio.create_task(self.relay.publish(seq))
            task.add_done_callback(_discard)

    def on_advance(self, listener: Callable[[int], None]) -> None:
        """Call `listener(seq)` each time the hub reads the log up to a new `seq`: for other
        followers of the log, such as the webhook dispatcher, to look at once. A listener must
        not block; what it raises is logged."""
        self._listeners.append(listener)

    def join(self, viewer_id: str | None, wanted: EventFilter, queue_limit: int,
             on_overflow: Callable[[], None]) -> tuple[Subscriber, int]:
        """A new subscriber, and the seq after which the hub will hand it events."""
        subscriber = Subscriber(viewer_id, wanted, queue_limit, on_overflow)
        self.subscribers.add(subscriber)
        return subscriber, self.horizon

    def leave(self, subscriber: Subscriber) -> None:
        """Forget `subscriber` (its subscription ended)."""
        self.subscribers.discard(subscriber)

    def heard(self, seq: int) -> None:
        """Another replica committed up to `seq` (0: maybe, after a relay outage): read the
        log, unless it is known to hold nothing new."""
        self.heard_seq = max(self.heard_seq, seq)
        if seq == 0 or seq > self.horizon:
            self._wake.set()

    async def _follow(self) -> None:
        while not self._started.is_set():
            try:
                self.horizon = await event_log.last_seq(self.db)
                self._started.set()
            except (Neo4jError, DriverError, OSError) as error:
                logger.warning("event log not readable yet: %s", error)
                await asyncio.sleep(_RETRY_SECONDS)
        lagging = _LAG_FIRST_SECONDS
        while True:
            behind = self.horizon < self.heard_seq
            lagging = min(lagging * 2, self.poll_seconds) if behind else _LAG_FIRST_SECONDS
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(),
                                       lagging if behind else self.poll_seconds)
            self._wake.clear()
            try:
                await self._catch_up()
            except (Neo4jError, DriverError, OSError) as error:
                logger.warning("event log not readable: %s", error)
                await asyncio.sleep(_RETRY_SECONDS)
                self._wake.set()
            except Exception:
                # Whatever went wrong, subscribers are served again at the next turn.
                logger.exception("following the event log failed")
                await asyncio.sleep(_RETRY_SECONDS)
                self._wake.set()

    async def _catch_up(self) -> None:
        while True:
            page = await event_log.read_after(self.db, self.horizon)
            if not page:
                return
            self._advanced(page[-1].seq)
            await self._dispatch(page)
            if len(page) < event_log.PAGE_SIZE:
                return

    async def _audience_of(self, asked: list[tuple[LoggedEvent, str | None]]
                           ) -> set[tuple[int, str | None]]:
        """Who may see the events asked about; while Neo4j cannot answer, asked again (the
        page's subscribers wait for it, as they would for the page itself)."""
        while True:
            try:
                return await self.audience(self.db, asked)
            except (Neo4jError, DriverError, OSError) as error:
                logger.warning("could not check who may see events: %s", error)
                await asyncio.sleep(_RETRY_SECONDS)

    async def _dispatch(self, page: list[LoggedEvent]) -> None:
        # Choose the subscribers and move the horizon together, with no await between: a
        # subscriber joining later reads this page from the log instead.
        wanted = [(event, subscriber) for event in page for subscriber in self.subscribers
                  if subscriber.wanted.accepts(event)]
        self.horizon = page[-1].seq
        if not wanted:
            return
        asked = list({(event.seq, subscriber.viewer_id): (event, subscriber.viewer_id)
                      for event, subscriber in wanted}.values())
        try:
            allowed = await self._audience_of(asked)
        except Exception:
            # Those chosen for this page cannot be told what they may see: rather than skip
            # events unnoticed, they are dropped, to resume from the log with `after`.
            logger.exception("could not decide who may see events %d-%d", page[0].seq,
                             page[-1].seq)
            for subscriber in {subscriber for _, subscriber in wanted}:
                subscriber.drop()
            return
        for event, subscriber in wanted:
            if (event.seq, subscriber.viewer_id) in allowed and subscriber in self.subscribers:
                subscriber.offer(event)

    def _advanced(self, seq: int) -> None:
        for listener in self._listeners:
            try:
                listener(seq)
            except Exception:
                logger.exception("a listener of the event log failed at seq %d", seq)


def _discard(task: asyncio.Task[None]) -> None:
    if not task.cancelled():
        task.exception()


async def visible_to(db: Database, audience: Audience, wanted: EventFilter,
                     viewer_id: str | None, page: list[LoggedEvent]) -> list[LoggedEvent]:
    """The events of a page of the log that `wanted` accepts and `viewer_id` may see now (a
    subscriber catching up, a webhook's owner)."""
    asked = [(event, viewer_id) for event in page if wanted.accepts(event)]
    if not asked:
        return []
    allowed = await audience(db, asked)
    return [event for event, _ in asked if (event.seq, viewer_id) in allowed]
