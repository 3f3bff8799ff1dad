"""The event hub on its own: a subscriber that falls behind is dropped, not buffered without
bound."""

from __future__ import annotations

import asyncio

from app.db import Database
from app.event_hub import EventFilter, EventHub
from schema.events.access import visible_pairs
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.conftest import AsViewer, run_test_cypher

CREATE_DISCUSSION = """
mutation($community: ID!, $title: String!) {
  createDiscussion(input: {community: $community, title: $title, body: "Hello"}) {
    userErrors { code }
  }
}"""


async def test_a_subscriber_whose_queue_is_full_is_told_and_gets_nothing_more(
        db: Database, as_viewer: AsViewer, workflow: Workflow) -> None:  # noqa: F811
    hub = EventHub(db, visible_pairs, poll_seconds=60)
    await hub.start()
    await hub.ready()
    overflowed = asyncio.Event()
    wanted = EventFilter(community_id=workflow.communities["open"])
    subscriber, _ = hub.join(workflow.users["manager"], wanted, 1, overflowed.set)
    try:
        author = as_viewer(workflow.users["participant"])
        for title in ("First", "Second", "Third"):
            await author.data(CREATE_DISCUSSION, community=workflow.community("open"),
                              title=title)
        [end] = await run_test_cypher(db, "event_log_end")
        hub.committed(end["seq"])  # one page of three events for a queue of one
        await asyncio.wait_for(overflowed.wait(), 20)
        assert subscriber.overflowed
        assert subscriber.queue.qsize() == 1
        assert (await subscriber.queue.get()).payload == '{"title":"First"}'
    finally:
        hub.leave(subscriber)
        await hub.stop()


async def test_subscribers_are_dropped_rather_than_skipped_when_access_cannot_be_decided(
        db: Database, as_viewer: AsViewer, workflow: Workflow) -> None:  # noqa: F811
    async def failing(db: Database, asked: object) -> set[tuple[int, str | None]]:
        raise RuntimeError("no answer")

    hub = EventHub(db, failing, poll_seconds=60)
    await hub.start()
    await hub.ready()
    dropped = asyncio.Event()
    wanted = EventFilter(community_id=workflow.communities["open"])
    subscriber, _ = hub.join(workflow.users["manager"], wanted, 10, dropped.set)
    try:
        await as_viewer(workflow.users["participant"]).data(
            CREATE_DISCUSSION, community=workflow.community("open"), title="Unjudged")
        [end] = await run_test_cypher(db, "event_log_end")
        hub.committed(end["seq"])
        # told to resume from the log, instead of silently missing the event
        await asyncio.wait_for(dropped.wait(), 20)
        assert subscriber.queue.empty()
        assert hub.horizon >= end["seq"]
    finally:
        hub.leave(subscriber)
        await hub.stop()


async def test_events_heard_of_before_they_can_be_read_are_read_soon_after(
        db: Database, as_viewer: AsViewer, workflow: Workflow) -> None:  # noqa: F811
    """On a Neo4j cluster another replica's commit may reach this replica (through Redis)
    before the secondary it reads from has applied it: the hub reads again soon, not at its
    next poll a minute later."""
    hub = EventHub(db, visible_pairs, poll_seconds=60)
    await hub.start()
    await hub.ready()
    wanted = EventFilter(community_id=workflow.communities["open"])
    subscriber, _ = hub.join(workflow.users["manager"], wanted, 10, lambda: None)
    try:
        [end] = await run_test_cypher(db, "event_log_end")
        hub.heard(end["seq"] + 1)  # told of it, but nothing to read yet
        await asyncio.sleep(0.5)
        await as_viewer(workflow.users["participant"]).data(
            CREATE_DISCUSSION, community=workflow.community("open"), title="Lagging")
        event = await asyncio.wait_for(subscriber.queue.get(), 10)
        assert event.payload == '{"title":"Lagging"}'
    finally:
        hub.leave(subscriber)
        await hub.stop()
