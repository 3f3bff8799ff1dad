"""Two API processes on loopback sharing live events through Redis: an event written through
one reaches a subscriber of the other at once, long before either would poll the log."""

from __future__ import annotations

import asyncio
import time

import localredis
from app.db import Database
from app.settings import Settings
from tests.accounts_api import bearer_token
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.live_api import ApiProcess, subscriber

CREATE_DISCUSSION = """
mutation($community: ID!) {
  createDiscussion(input: {community: $community, title: "Across", body: "Replicas"}) {
    discussion { id } userErrors { code }
  }
}"""
ACTIVITY = """
subscription($community: ID!) { communityActivity(community: $community) { subjectId } }"""
# Far longer than the test waits: only Redis can bring the event over in time.
POLL_SECONDS = "60"
WAIT_SECONDS = 10.0


async def test_an_event_written_through_one_replica_reaches_a_subscriber_of_the_other(
        db: Database, settings: Settings, workflow: Workflow,  # noqa: F811
        redis_server: localredis.Instance) -> None:
    replicas = [ApiProcess(settings, REDIS_URL=redis_server.url, EVENT_POLL_SECONDS=POLL_SECONDS)
                for _ in range(2)]
    writer, reader = replicas
    try:
        for replica in replicas:
            replica.start()
        member = await bearer_token(db, settings, workflow.users["manager"])
        author = await bearer_token(db, settings, workflow.users["participant"])
        async with subscriber(reader, member) as client:
            await client.subscribe(ACTIVITY, community=workflow.community("open"))
            await asyncio.sleep(0.5)  # the subscription joins the reader's hub
            written = time.monotonic()
            data = await writer.data(CREATE_DISCUSSION, author,
                                     community=workflow.community("open"))
            [event] = await client.events(1, seconds=WAIT_SECONDS)
            assert time.monotonic() - written < WAIT_SECONDS
        assert event["communityActivity"]["subjectId"] == \
            data["createDiscussion"]["discussion"]["id"]
    finally:
        for replica in replicas:
            replica.stop()


async def test_an_api_given_a_routing_uri_writes_and_reads_its_own_writes(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    """The `neo4j://` scheme a cluster is given (the driver asks the server for its routing
    table, reads go to readers, writes to the leader) serves the API as `bolt://` does."""
    assert settings.neo4j_uri
    routing_uri = "neo4j://" + settings.neo4j_uri.split("://", 1)[1]
    api = ApiProcess(settings, NEO4J_URI=routing_uri)
    try:
        api.start()
        author = await bearer_token(db, settings, workflow.users["participant"])
        for _ in range(5):
            data = await api.data(CREATE_DISCUSSION, author,
                                  community=workflow.community("open"))
            written = data["createDiscussion"]["discussion"]["id"]
            read = await api.data("query($id: ID!) { node(id: $id) { id } }", author, id=written)
            assert read["node"] == {"id": written}
    finally:
        api.stop()
