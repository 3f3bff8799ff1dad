"""Subscriptions: the events a subscriber may see, live, and from a position in the log.

A subscription that passes `after` (the last `seq` it received) first reads every matching
event after it from the log, then joins the process's event hub and receives live ones, with
no gap and no duplicate at the seam: the hub tells it the last seq it chose subscribers for
(its horizon); the events up to it are read from the log, the ones after it arrive in the
subscriber's queue, and any seq already passed on is skipped. Each event is filtered by the
subscriber's access at the moment it is handed over (`schema.events.access`).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Iterable

import strawberry

from app import event_log, ids
from app.context import Context
from app.errors import BadUserInput, Unauthenticated, Unavailable
from app.event_hub import EventFilter, visible_to
from app.event_log import LoggedEvent
from app.websocket import SLOW_CONSUMER
from schema.events.access import visible_pairs
from schema.events.types import Event, EventType
from schema.scalars import BigInt

Info = strawberry.Info[Context, None]


def _ids(given: Iterable[strawberry.ID] | None, type_name: str) -> frozenset[str] | None:
    return None if given is None else frozenset(ids.decode_as(g, type_name) for g in given)


def _id(given: strawberry.ID | None, type_name: str) -> str | None:
    return None if given is None else ids.decode_as(given, type_name)


async def _allowed(context: Context, wanted: EventFilter,
                   page: list[LoggedEvent]) -> list[LoggedEvent]:
    """The events of a page of the log that the subscriber asked for and may see now."""
    return await visible_to(context.db, visible_pairs, wanted, context.viewer_id, page)


async def stream(context: Context, wanted: EventFilter,
                 after: int | None) -> AsyncGenerator[Event, None]:
    """The events `wanted` that the subscriber may see: after seq `after` from the log when
    given, then live ones, each once and in order."""
    hub, connection = context.hub, context.connection
    if hub is None or connection is None:
        raise BadUserInput("Subscriptions are served over WebSocket (graphql-transport-ws).")
    if after is not None and after < 0:
        raise BadUserInput("`after` is a seq: 0 or more.")
    last = after
    if last is not None:  # the bulk of a long absence, before joining the hub
        while True:
            page = await event_log.read_after(context.db, last)
            if not await connection.check(thorough=True):
                return
            for event in await _allowed(context, wanted, page):
                yield Event.of(event)
            if page:
                last = page[-1].seq
            if len(page) < event_log.PAGE_SIZE:
                break
    await hub.ready()
    subscriber, horizon = hub.join(
        context.viewer_id, wanted, context.settings.subscription_queue_limit,
        lambda: connection.close_soon(SLOW_CONSUMER, "Too far behind: resume with `after`"))
    try:
        if last is None:
            last = horizon
        while last < horizon:  # what was committed while the bulk was read
            page = [event for event in await event_log.read_after(context.db, last)
                    if event.seq <= horizon]
            if not page:  # committed events the log did not return: never skip them
                raise Unavailable("The event log could not be read; resume with `after`.")
            if not await connection.check(thorough=True):
                return
            for event in await _allowed(context, wanted, page):
                yield Event.of(event)
            last = page[-1].seq
        while True:
            event = await subscriber.queue.get()
            if event.seq <= last:
                continue
            last = event.seq
            if not await connection.check():
                return
            context.loaders.clear()  # a connection lives long: read each event's data fresh
            yield Event.of(event)
    finally:
        hub.leave(subscriber)


def _signed_in(context: Context) -> str:
    if context.viewer_id is None:
        raise Unauthenticated("Sign in (in connection_init) to receive your notifications.")
    return context.viewer_id


@strawberry.type
class EventSubscriptions:
    """The subscription root's fields."""

    @strawberry.subscription(description=(
        "Every event the viewer may see, optionally only of some `types`, about some S3 "
        "areas or competences (any of them), or in one community or project. With `after` "
        "(the last `seq` received), first every such event committed since, then live ones: "
        "none missed, none twice."))
    async def events(self, info: Info, types: list[EventType] | None = None,
                     s3_areas: list[strawberry.ID] | None = None,
                     competences: list[strawberry.ID] | None = None,
                     community: strawberry.ID | None = None,
                     project: strawberry.ID | None = None,
                     after: BigInt | None = None) -> AsyncGenerator[Event, None]:
        wanted = EventFilter(
            types=None if types is None else frozenset(t.value for t in types),
            s3_areas=_ids(s3_areas, "S3Area"), competences=_ids(competences, "Competence"),
            community_id=_id(community, "Community"), project_id=_id(project, "Project"))
        async for event in stream(info.context, wanted, after):
            yield event

    @strawberry.subscription(description=(
        "Proposals as they are published, optionally only those about some S3 areas or "
        "competences (any of them)."))
    async def proposal_published(
            self, info: Info, s3_areas: list[strawberry.ID] | None = None,
            competences: list[strawberry.ID] | None = None,
            after: BigInt | None = None) -> AsyncGenerator[Event, None]:
        wanted = EventFilter(types=frozenset({EventType.PROPOSAL_PUBLISHED.value}),
                             s3_areas=_ids(s3_areas, "S3Area"),
                             competences=_ids(competences, "Competence"))
        async for event in stream(info.context, wanted, after):
            yield event

    @strawberry.subscription(description=(
        "What happens in a community: discussions, comments, news, members."))
    async def community_activity(self, info: Info, community: strawberry.ID,
                                 after: BigInt | None = None) -> AsyncGenerator[Event, None]:
        wanted = EventFilter(community_id=ids.decode_as(community, "Community"))
        async for event in stream(info.context, wanted, after):
            yield event

    @strawberry.subscription(description="The viewer's new notifications (signed in only).")
    async def notification_added(self, info: Info,
                                 after: BigInt | None = None) -> AsyncGenerator[Event, None]:
        wanted = EventFilter(types=frozenset({EventType.NOTIFICATION_CREATED.value}),
                             recipient_id=_signed_in(info.context))
        async for event in stream(info.context, wanted, after):
            yield event

    @strawberry.subscription(description=(
        "Changes to a project: its details, partners, people, work plan, budget, "
        "documents."))
    async def project_updated(self, info: Info, project: strawberry.ID,
                              after: BigInt | None = None) -> AsyncGenerator[Event, None]:
        wanted = EventFilter(project_id=ids.decode_as(project, "Project"))
        async for event in stream(info.context, wanted, after):
            yield event

