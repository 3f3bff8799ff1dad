"""Subscriptions over graphql-transport-ws, against the API served by uvicorn on loopback:
live delivery, resuming with `after` across a disconnect while writes go on, access at
delivery, revoked credentials, and the connection limits."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

from app import cypher
from app.db import Database
from app.settings import Settings
from app.tokens import read_access_token
from tests.accounts_api import LOGOUT, bearer_token
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.conftest import run_test_cypher
from tests.live_api import ApiProcess, live_api, subscriber  # noqa: F401

CREATE_DISCUSSION = """
mutation($community: ID!, $title: String!) {
  createDiscussion(input: {community: $community, title: $title, body: "Let us talk"}) {
    discussion { id } userErrors { code }
  }
}"""
COMMUNITY_ACTIVITY = """
subscription($community: ID!, $after: BigInt) {
  communityActivity(community: $community, after: $after) {
    seq type subjectId payload subject { ... on Discussion { title } }
  }
}"""
ADD_COMMENT = """
mutation($subject: ID!) {
  addComment(input: {subject: $subject, body: "Agreed"}) { comment { id } userErrors { code } }
}"""
DISCUSSIONS = """
subscription { events(types: [DISCUSSION_CREATED]) { seq subjectId payload } }"""


async def _start(api: ApiProcess, token: str, community: str, title: str) -> str:
    data = await api.data(CREATE_DISCUSSION, token, community=community, title=title)
    assert data["createDiscussion"]["userErrors"] == []
    discussion: str = data["createDiscussion"]["discussion"]["id"]
    return discussion


async def _tokens(db: Database, settings: Settings, probe: Workflow,
                  *people: str) -> list[str]:
    return [await bearer_token(db, settings, probe.users[who]) for who in people]


async def test_a_member_receives_a_new_discussion_live(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    watcher, author = await _tokens(db, settings, workflow, "manager", "participant")
    async with subscriber(live_api, watcher) as client:
        await client.subscribe(COMMUNITY_ACTIVITY, community=workflow.community("open"))
        await asyncio.sleep(0.5)  # the subscription joins the hub
        discussion = await _start(live_api, author, workflow.community("open"), "Live one")
        [received] = await client.events(1)
    event = received["communityActivity"]
    assert event["type"] == "DISCUSSION_CREATED"
    assert event["subjectId"] == discussion
    assert event["payload"] == {"title": "Live one"}
    assert event["subject"] == {"title": "Live one"}


async def test_the_objects_a_payload_names_are_global_ids(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    watcher, author = await _tokens(db, settings, workflow, "manager", "participant")
    async with subscriber(live_api, watcher) as client:
        await client.subscribe(COMMUNITY_ACTIVITY, community=workflow.community("open"))
        await asyncio.sleep(0.5)
        data = await live_api.data(ADD_COMMENT, author, subject=workflow.discussion("talk"))
        [received] = await client.events(1)
    event = received["communityActivity"]
    assert event["type"] == "COMMENT_CREATED"
    assert event["subjectId"] == data["addComment"]["comment"]["id"]
    assert event["payload"]["onId"] == workflow.discussion("talk")
    assert event["payload"]["onType"] == "Discussion"


async def test_an_outsider_receives_nothing_from_a_reserved_community(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    outsider, member, author = await _tokens(db, settings, workflow, "outsider", "manager",
                                             "participant")
    async with subscriber(live_api, outsider) as stranger, \
            subscriber(live_api, member) as insider:
        await stranger.subscribe(DISCUSSIONS)
        await insider.subscribe(DISCUSSIONS)
        await asyncio.sleep(0.5)
        hidden = await _start(live_api, author, workflow.community("reserved"), "Members only")
        public = await _start(live_api, author, workflow.community("open"), "For all")
        seen_by_member = [e["events"]["subjectId"] for e in await insider.events(2)]
        # events arrive in order: had the reserved one reached the outsider, it came first
        [seen_by_outsider] = await stranger.events(1)
    assert seen_by_member == [hidden, public]
    assert seen_by_outsider["events"]["subjectId"] == public


async def test_resuming_with_after_misses_nothing_and_repeats_nothing(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    watcher, author = await _tokens(db, settings, workflow, "manager", "participant")
    community = workflow.community("open")
    [start] = await run_test_cypher(db, "event_log_end")
    writes = 30

    async def write_all() -> None:
        for number in range(writes):
            await _start(live_api, author, community, f"Thread {number}")

    received: list[int] = []
    writer = None
    async with subscriber(live_api, watcher) as client:
        await client.subscribe(COMMUNITY_ACTIVITY, community=community, after=start["seq"])
        writer = asyncio.create_task(write_all())
        for data in await client.events(5):
            received.append(int(data["communityActivity"]["seq"]))
    await asyncio.sleep(0.3)  # away while writes continue
    while len(received) < writes:
        async with subscriber(live_api, watcher) as client:
            await client.subscribe(COMMUNITY_ACTIVITY, community=community,
                                   after=str(received[-1]))
            for data in await client.events(min(7, writes - len(received))):
                received.append(int(data["communityActivity"]["seq"]))
    await writer
    committed = await run_test_cypher(db, "event_seqs_of_community", after=start["seq"],
                                      community=workflow.communities["open"])
    assert received == [row["seq"] for row in committed]
    assert len(received) == writes


async def test_a_revoked_token_ends_the_subscription(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    [token] = await _tokens(db, settings, workflow, "participant")
    async with subscriber(live_api, token) as client:
        await client.subscribe(DISCUSSIONS)
        body = await live_api.post(LOGOUT, token)
        assert body["data"]["logout"]["userErrors"] == []
        assert await client.closed() == 4403


async def test_a_session_revoked_elsewhere_ends_the_subscription(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    [token] = await _tokens(db, settings, workflow, "participant")
    claims = read_access_token(settings, token)
    async with subscriber(live_api, token) as client:
        await client.subscribe(DISCUSSIONS)
        # as another replica signing the person out would: only the database knows
        await db.write(cypher.load("queries/accounts/revoke_session").text,
                       {"sessionId": claims.session_id, "userId": claims.user_id})
        assert await client.closed() == 4403


async def test_invalid_credentials_are_refused_at_connection_init(
        live_api: ApiProcess) -> None:  # noqa: F811
    async with subscriber(live_api, "not-a-token", acknowledged=False) as client:
        assert await client.closed() == 4403


async def test_an_anonymous_connection_sees_public_events_only(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    [author] = await _tokens(db, settings, workflow, "participant")
    async with subscriber(live_api) as client:
        await client.subscribe(DISCUSSIONS)
        await asyncio.sleep(0.5)
        await _start(live_api, author, workflow.community("reserved"), "Hidden")
        public = await _start(live_api, author, workflow.community("open"), "Shown")
        [seen] = await client.events(1)
    assert seen["events"]["subjectId"] == public


async def test_a_subscriber_too_far_behind_is_disconnected(
        workflow: Workflow, db: Database, settings: Settings) -> None:  # noqa: F811
    api = ApiProcess(settings, SUBSCRIPTION_QUEUE_LIMIT="1")
    api.start()
    try:
        author, commenter = await _tokens(db, settings, workflow, "participant", "manager")
        async with subscriber(api, author) as client:
            await client.subscribe(DISCUSSIONS.replace("[DISCUSSION_CREATED]",
                                                       "[COMMENT_CREATED, NOTIFICATION_CREATED]"))
            await asyncio.sleep(0.5)
            # one commit, two events for the author (the comment, and the notice of it): the
            # second finds the queue of one still full
            await api.data(ADD_COMMENT, commenter, subject=workflow.discussion("talk"))
            assert await client.closed() == 4420
    finally:
        api.stop()


async def test_queries_are_refused_over_websocket(live_api: ApiProcess) -> None:  # noqa: F811
    async with subscriber(live_api) as client:
        operation = await client.subscribe("{ viewer { id } }")
        message = await client.receive()
    assert message["id"] == operation and message["type"] == "error"
    assert message["payload"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_notifications_need_a_signed_in_subscriber(
        live_api: ApiProcess) -> None:  # noqa: F811
    async with subscriber(live_api) as client:
        await client.subscribe("subscription { notificationAdded { seq } }")
        message = await client.receive()
    assert message["type"] == "next"
    assert message["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_connections_per_person_are_limited(
        live_api: ApiProcess, workflow: Workflow, db: Database,  # noqa: F811
        settings: Settings) -> None:
    [token] = await _tokens(db, settings, workflow, "reader")
    limit = settings.connections_per_identity
    opened: list[Any] = []
    try:
        for _ in range(limit):
            connection = subscriber(live_api, token)
            await connection.__aenter__()
            opened.append(connection)
        async with subscriber(live_api, token, acknowledged=False) as extra:
            assert await extra.closed() == 4429
    finally:
        for connection in opened:
            await connection.__aexit__(None, None, None)
    async with subscriber(live_api, token):
        pass  # once the others closed, a new one is accepted


async def test_a_message_over_the_size_limit_closes_the_connection(
        live_api: ApiProcess) -> None:  # noqa: F811
    async with websockets.connect(live_api.ws_url, subprotocols=[
            websockets.Subprotocol("graphql-transport-ws")]) as connection:
        await connection.send(json.dumps({"type": "connection_init",
                                          "payload": {"padding": "x" * 100_000}}))
        try:
            await asyncio.wait_for(connection.recv(), 10)
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd is not None and closed.rcvd.code == 1009
        else:
            raise AssertionError("the connection stayed open")


async def test_subscriptions_per_connection_are_limited(
        live_api: ApiProcess, settings: Settings) -> None:  # noqa: F811
    async with subscriber(live_api) as client:
        for _ in range(settings.subscriptions_per_connection):
            await client.subscribe(DISCUSSIONS)
        extra = await client.subscribe(DISCUSSIONS)
        message = await client.receive()
    assert message["id"] == extra and message["type"] == "error"

