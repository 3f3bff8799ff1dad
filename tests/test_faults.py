"""Faults: Neo4j refused, silent or frozen (requests fail fast with UNAVAILABLE, the plain
routes and uploads with 503), the time limit of a request (signing in included, ended in Neo4j
too), and a graceful shutdown of the API (in-flight requests answered, subscriptions closed
with 1012)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest
from neo4j.exceptions import DriverError, Neo4jError

from app import ids
from app.db import Database, request_deadline
from app.errors import RequestTimedOut
from app.main import create_app
from app.settings import Settings
from localdb import Instance
from tests.accounts_api import bearer_token
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.conftest import cypher_text, error_codes
from tests.live_api import ApiProcess, subscriber
from tests.test_profile_mutations import UPDATE as UPDATE_PROFILE

QUERY = "{ s3Areas { totalCount } }"
CREATE_DISCUSSION = """
mutation($community: ID!, $title: String!) {
  createDiscussion(input: {community: $community, title: $title, body: "Still there?"}) {
    discussion { id } userErrors { code }
  }
}"""
DISCUSSIONS = "subscription { events(types: [DISCUSSION_CREATED]) { subjectId } }"


@asynccontextmanager
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the application running (lifespan included) with `settings`."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def timed(http: httpx.AsyncClient, query: str = QUERY) -> tuple[float, dict[str, Any]]:
    """How long the operation took, and its response body."""
    started = time.perf_counter()
    response = await http.post("/graphql", json={"query": query})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return time.perf_counter() - started, body


def unavailable(body: dict[str, Any]) -> bool:
    """Whether the response's only error is UNAVAILABLE."""
    return [error["extensions"]["code"] for error in body.get("errors", [])] == ["UNAVAILABLE"]


@contextmanager
def neo4j_at(kind: str) -> Iterator[str]:
    """The URI of a Neo4j that refuses connections, or of one that accepts them and never
    answers (a hung server or a black-holed network, as the driver sees it)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        if kind == "silent":
            listener.listen(100)
        port = listener.getsockname()[1]
        if kind == "refused":
            listener.close()
        yield f"bolt://127.0.0.1:{port}"


@pytest.mark.parametrize(("kind", "within"), [("refused", 3.0), ("silent", 4.5)])
async def test_requests_fail_fast_while_neo4j_cannot_be_reached(
        settings: Settings, kind: str, within: float) -> None:
    # The production defaults: connection 2 s, acquisition 3 s, retries 2 s, request 10 s.
    defaults = Settings(neo4j_uri="bolt://unused", env="test")
    with neo4j_at(kind) as uri:
        down = settings.model_copy(update={
            "neo4j_uri": uri, "request_timeout": defaults.request_timeout,
            "query_timeout": defaults.query_timeout,
            "neo4j_connection_timeout": defaults.neo4j_connection_timeout,
            "neo4j_acquisition_timeout": defaults.neo4j_acquisition_timeout,
            "neo4j_max_retry_time": defaults.neo4j_max_retry_time})
        async with app_client(down) as http:
            seconds, body = await timed(http)
            assert unavailable(body), body
            assert seconds < within
            assert (await http.get("/readyz")).status_code == 503
            assert (await http.get("/healthz")).status_code == 200


def signed(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


def unavailable_answer(response: httpx.Response, reason: str | None = None) -> bool:
    """Whether a plain route (or an upload) was answered 503 UNAVAILABLE (for `reason`)."""
    body = response.json()
    return response.status_code == 503 and error_codes(body) == ["UNAVAILABLE"] and (
        reason is None or body["errors"][0]["extensions"].get("reason") == reason)


async def test_plain_routes_and_uploads_answer_unavailable_while_neo4j_is_away(
        settings: Settings, db: Database, workflow: Workflow) -> None:  # noqa: F811
    token = await bearer_token(db, settings, workflow.users["participant"])
    document = f"/documents/{ids.encode('Document', str(uuid.uuid4()))}"
    upload = {"operations": '{"query": "mutation { __typename }"}', "map": "{}"}
    with neo4j_at("refused") as uri:
        async with app_client(settings.model_copy(update={"neo4j_uri": uri})) as http:
            answers = [await http.get("/export/network", headers=signed(token)),
                       await http.get(document, headers=signed(token)),
                       await http.get(document),
                       await http.post("/graphql", data=upload, files={"0": b"bytes"},
                                       headers=signed(token, **{"GraphQL-Require-Preflight":
                                                                "1"}))]
    for response in answers:
        assert unavailable_answer(response), response.text


@contextmanager
def frozen(server: Instance) -> Iterator[None]:
    """Neo4j stopped in its tracks (SIGSTOP): connections open, nothing answered."""
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def needs_local(server: Instance | None) -> Instance:
    if server is None:
        pytest.skip("needs the local test Neo4j, which this session can freeze and restart")
    return server


async def test_a_frozen_neo4j_fails_requests_at_their_time_limit(
        settings: Settings, db: Database, local_neo4j: Instance | None) -> None:
    server = needs_local(local_neo4j)
    async with app_client(settings.model_copy(update={"request_timeout": 1.0})) as http:
        # a pooled connection, and a statement Neo4j has planned (which may take a while)
        for _ in range(10):
            if "errors" not in (await timed(http))[1]:
                break
        with frozen(server):
            seconds, body = await timed(http)
        assert unavailable(body) and body["errors"][0]["extensions"]["reason"] == "TIMEOUT"
        assert seconds < 2.5
        seconds, body = await timed(http)
        assert "errors" not in body, body


async def test_a_frozen_neo4j_fails_signing_in_and_plain_routes_at_the_time_limit(
        settings: Settings, db: Database, local_neo4j: Instance | None,
        workflow: Workflow) -> None:  # noqa: F811
    """A session that must be checked, and the plain routes' own statements, get no more time
    than a request's statements."""
    server = needs_local(local_neo4j)
    known, unchecked = [await bearer_token(db, settings, workflow.users["participant"])
                        for _ in range(2)]
    document = f"/documents/{ids.encode('Document', str(uuid.uuid4()))}"
    async with app_client(settings.model_copy(update={
            "request_timeout": 1.0, "session_check_seconds": 60})) as http:
        for _ in range(10):  # `known` checked, and the statements planned
            warm = await http.post("/graphql", json={"query": QUERY}, headers=signed(known))
            if "errors" not in warm.json():
                break
        await http.get(document, headers=signed(known))
        with frozen(server):
            async with asyncio.timeout(20):  # not the 90 s it took
                started = time.perf_counter()
                query = await http.post("/graphql", json={"query": QUERY},
                                        headers=signed(unchecked))
                export = await http.get("/export/network", headers=signed(unchecked))
                read = await http.get(document, headers=signed(known))
                seconds = time.perf_counter() - started
        assert unavailable(query.json()), query.text
        assert query.json()["errors"][0]["extensions"]["reason"] == "TIMEOUT"
        assert unavailable_answer(export, "TIMEOUT"), export.text
        assert unavailable_answer(read, "TIMEOUT"), read.text
        assert seconds < 3 * 2.5
        after = await http.post("/graphql", json={"query": QUERY}, headers=signed(unchecked))
        assert "errors" not in after.json(), after.text


async def test_a_frozen_neo4j_refuses_a_websocket_connection_at_the_time_limit(
        settings: Settings, db: Database, local_neo4j: Instance | None,
        workflow: Workflow) -> None:  # noqa: F811
    """A connection whose credentials cannot be checked in time is closed with 1013 (try
    again later), not held while Neo4j does not answer."""
    server = needs_local(local_neo4j)
    token = await bearer_token(db, settings, workflow.users["participant"])
    api = ApiProcess(settings, REQUEST_TIMEOUT="1", SESSION_CHECK_SECONDS="60")
    api.start()
    try:
        await api.data(QUERY)  # a pooled connection
        with frozen(server):
            async with asyncio.timeout(20), subscriber(api, token, acknowledged=False) as client:
                started = time.perf_counter()
                code = await client.closed()
                seconds = time.perf_counter() - started
        assert code == 1013
        assert seconds < 2.5
    finally:
        api.stop()


async def test_a_write_ended_from_outside_by_neo4j_answers_unavailable(
        settings: Settings, db: Database, workflow: Workflow) -> None:  # noqa: F811
    """A transaction Neo4j ends from outside (shutting down, or an operator's TERMINATE) while
    it waits for a lock is UNAVAILABLE, as any other moment Neo4j cannot serve, never INTERNAL
    (a restart under load showed it)."""
    person = workflow.users["participant"]
    token = await bearer_token(db, settings, person)
    async with app_client(settings) as http, db.driver.session() as session:
        holder = await session.begin_transaction()
        try:
            await (await holder.run(cypher_text("lock_user"), {"id": person})).consume()
            update = asyncio.create_task(http.post("/graphql", headers=signed(token), json={
                "query": UPDATE_PROFILE, "variables": {"input": {"headline": "Waiting"}}}))
            blocked = await waiting_for_locks(db)
            await db.write(cypher_text("terminate_transactions"),
                           {"ids": [record["id"] for record in blocked]})
            async with asyncio.timeout(20):
                answer = await update
        finally:
            await holder.rollback()
    assert unavailable(answer.json()), answer.text


async def waiting_for_locks(db: Database) -> list[Any]:
    """The transactions waiting for a lock, once there is one (within 20 s)."""
    async with asyncio.timeout(20):
        while True:
            blocked = await db.read(cypher_text("transactions_blocked"))
            if blocked:
                return blocked
            await asyncio.sleep(0.1)


async def running_with(db: Database, marker: str) -> list[str]:
    """The ids of Neo4j's transactions whose current statement holds `marker`."""
    records = await db.read(cypher_text("transactions_running"), {"sought": marker})
    return [record["id"] for record in records]


async def test_a_statement_past_the_request_deadline_is_ended_in_neo4j(db: Database) -> None:
    marker = f"slow-{uuid.uuid4().hex}"
    started = time.perf_counter()
    with request_deadline(1.0), pytest.raises(RequestTimedOut):
        await db.read(cypher_text("slow_count"), {"marker": marker})
    assert time.perf_counter() - started < 2.5
    # Neo4j looks for transactions past their timeout every 2 seconds.
    for _ in range(40):
        if not await running_with(db, marker):
            break
        await asyncio.sleep(0.25)
    assert await running_with(db, marker) == []


async def test_a_request_out_of_time_answers_unavailable(settings: Settings,
                                                         db: Database) -> None:
    async with app_client(settings.model_copy(update={"request_timeout": 1e-6})) as http:
        _, body = await timed(http)
    assert unavailable(body)
    error = body["errors"][0]
    assert error["extensions"]["reason"] == "TIMEOUT"
    assert "time limit" in error["message"]


async def test_a_graceful_shutdown_answers_requests_and_closes_subscriptions(
        settings: Settings, db: Database, local_neo4j: Instance | None) -> None:
    server = needs_local(local_neo4j)
    api = ApiProcess(settings)
    api.start()
    try:
        assert api.process is not None
        async with subscriber(api) as client:
            await client.subscribe(DISCUSSIONS)
            await api.data(QUERY)
            with frozen(server):  # the request below waits for Neo4j
                in_flight = asyncio.create_task(api.post(QUERY))
                await asyncio.sleep(0.5)
                api.process.send_signal(signal.SIGTERM)
                await asyncio.sleep(0.5)
                assert not in_flight.done()
            code = await client.closed(10)
            body = await in_flight
        assert code == 1012
        assert body["data"] == {"s3Areas": {"totalCount": 16}}
        # uvicorn ends by raising the signal again, once its shutdown is complete
        assert await asyncio.to_thread(api.process.wait, 20) in (0, -signal.SIGTERM)
        with pytest.raises(httpx.ConnectError):
            await api.post(QUERY)
    finally:
        api.stop()


@pytest.mark.parametrize("ending", ["stop", "crash"])
async def test_a_neo4j_restart_under_load_loses_no_acknowledged_write(
        ending: str, settings: Settings, db: Database, workflow: Workflow,  # noqa: F811
        local_neo4j: Instance | None) -> None:
    """Neo4j stopped cleanly, or killed at once (SIGKILL: it recovers from its transaction
    logs), while clients write and read: every write the API acknowledged is there afterwards,
    and from 10 s after Neo4j answers again, every request is answered normally."""
    server = needs_local(local_neo4j)
    token = await bearer_token(db, settings, workflow.users["participant"])
    community = workflow.community("open")
    api = ApiProcess(settings, REQUEST_TIMEOUT="10", QUERY_TIMEOUT="10",
                     SESSION_CHECK_SECONDS="0")
    api.start()
    load = Load(api, token, community)
    try:
        async with subscriber(api, token) as client:
            await client.subscribe(DISCUSSIONS)
            clients = [asyncio.create_task(load.run(number)) for number in range(4)]
            await load.until(lambda: len(load.acknowledged) >= 4)
            load.outage_began = time.monotonic()
            await asyncio.to_thread(server.stop if ending == "stop" else server.crash)
            await asyncio.sleep(1)
            await asyncio.to_thread(server.start)
            # Neo4j is back once it answers a statement (after a start it may take a while
            # to open its database), whatever the API says meanwhile
            await load.until(lambda: False, neo4j=db)
            # then reads and writes must go on answering normally for a while
            await load.until(lambda: load.answered_normally_for(seconds=3))
            load.running = False
            await asyncio.gather(*clients)
            # the event hub follows the log again: a write after the restart is delivered
            after = await api.data(CREATE_DISCUSSION, token, community=community,
                                   title=f"after-{uuid.uuid4().hex}")
            delivered = after["createDiscussion"]["discussion"]["id"]
            async with asyncio.timeout(30):
                while (await client.receive())["payload"]["data"]["events"][
                        "subjectId"] != delivered:
                    pass
        assert load.unexpected == []
        assert load.failed_during_outage > 0
        assert load.back is not None
        assert load.last_failure is not None and load.last_failure - load.back < 10
        for start in range(0, len(load.acknowledged), 100):
            batch = load.acknowledged[start:start + 100]
            found = await api.data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", token,
                                   ids=batch)
            assert [node and node["id"] for node in found["nodes"]] == batch
    finally:
        api.stop()


class Load:
    """Clients writing (a discussion each time) and reading in turns, as fast as answers come:
    what they were told, counted."""

    def __init__(self, api: ApiProcess, token: str, community: str) -> None:
        self.api = api
        self.token = token
        self.community = community
        self.running = True
        self.acknowledged: list[str] = []
        self.unexpected: list[Any] = []
        self.failed_during_outage = 0
        self.outage_began: float | None = None
        self.back: float | None = None  # when Neo4j answered again after the restart
        self.last_failure: float | None = None  # the latest UNAVAILABLE answer
        self.normal_since: dict[bool, float] = {}  # writes/reads answered well since then

    def answered_normally_for(self, seconds: float) -> bool:
        """Whether, since Neo4j came back, both writes and reads have been answered without
        error for `seconds`."""
        now = time.monotonic()
        return (self.back is not None and len(self.normal_since) == 2
                and all(now - since >= seconds for since in self.normal_since.values()))

    async def run(self, client_number: int) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        async with httpx.AsyncClient(base_url=self.api.url, timeout=30) as http:
            turn = 0
            while self.running:
                turn += 1
                title = f"load-{client_number}-{turn}-{uuid.uuid4().hex[:8]}"
                operation = ({"query": CREATE_DISCUSSION, "variables": {
                    "community": self.community, "title": title}} if turn % 2
                    else {"query": QUERY})
                response = await http.post("/graphql", json=operation, headers=headers)
                self.record(response, bool(turn % 2))
                if "errors" in response.json():
                    await asyncio.sleep(0.2)

    async def until(self, condition: Callable[[], bool], neo4j: Database | None = None,
                    seconds: float = 90) -> None:
        """Wait until `condition` holds or, given `neo4j`, until it answers (then `back`)."""
        async with asyncio.timeout(seconds):
            while not condition():
                if neo4j is not None:
                    try:
                        await neo4j.read(cypher_text("count_users"), {"province": None})
                    except (Neo4jError, DriverError):
                        pass
                    else:
                        self.back = time.monotonic()
                        return
                await asyncio.sleep(0.1)

    def record(self, response: httpx.Response, write: bool) -> None:
        if response.status_code != 200:
            self.unexpected.append((response.status_code, response.text))
            return
        body = response.json()
        if "errors" in body:
            if not unavailable(body):
                self.unexpected.append(body["errors"])
            elif self.outage_began is not None:
                self.failed_during_outage += 1
                self.last_failure = time.monotonic()
                self.normal_since.clear()
            return
        if self.back is not None:
            self.normal_since.setdefault(write, time.monotonic())
        if write:
            payload = body["data"]["createDiscussion"]
            assert payload["userErrors"] == []
            self.acknowledged.append(payload["discussion"]["id"])
