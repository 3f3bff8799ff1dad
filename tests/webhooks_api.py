"""What the webhook tests share: a receiver (an HTTP server on loopback that records every
request and answers 200, or an error status while it is told to fail), API processes that
deliver to it with retries and polls short enough for tests, and the operations they send."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from app.db import Database
from app.settings import Settings
from tests.accounts_api import bearer_token
from tests.community_probe import Workflow
from tests.live_api import ApiProcess, free_port

T = TypeVar("T")
WAIT_SECONDS = 30.0
# Deliveries in the processes of the webhook tests: quick retries, quick polls.
QUICK_DELIVERY = {
    "WEBHOOK_DELIVERY": "true", "WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
    "WEBHOOK_RETRY_BASE_SECONDS": "0.1", "WEBHOOK_RETRY_MAX_SECONDS": "0.4",
    "WEBHOOK_POLL_SECONDS": "0.2", "WEBHOOK_TIMEOUT_SECONDS": "5", "EVENT_POLL_SECONDS": "0.2",
}
REGISTER = """
mutation($url: String!, $types: [EventType!], $community: ID) {
  registerWebhook(input: {url: $url, eventTypes: $types, community: $community}) {
    webhook { id url eventTypes enabled lastSeq community { id } }
    secret
    userErrors { field code message }
  }
}"""
WEBHOOK = """
query($id: ID!) {
  node(id: $id) {
    ... on Webhook {
      id url enabled disabledAt consecutiveFailures nextAttemptAt lastSeq
      deliveries(first: 50) {
        totalCount
        edges { node { deliveryId seq eventType status attempts lastStatusCode lastError
                       lastAttemptAt deliveredAt } }
      }
    }
  }
}"""
CREATE_DISCUSSION = """
mutation($community: ID!, $title: String!) {
  createDiscussion(input: {community: $community, title: $title, body: "For the hooks"}) {
    discussion { id } userErrors { code }
  }
}"""


def delivering_api(settings: Settings, **environment: str) -> ApiProcess:
    """An API process (not started) that delivers webhooks quickly, to loopback too."""
    return ApiProcess(settings, **{**QUICK_DELIVERY, **environment})


@dataclass(frozen=True)
class Received:
    """One request as the receiver read it, and the status it answered."""

    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    status: int

    @property
    def json(self) -> dict[str, Any]:
        found: dict[str, Any] = json.loads(self.body)
        return found

    @property
    def seq(self) -> int:
        return int(self.json["seq"])

    @property
    def delivery_id(self) -> str:
        return self.headers["webhook-id"]


class Receiver:
    """An HTTP/1.1 server on 127.0.0.1 that records requests and answers each after `delay`;
    `failing` of the next ones (all of them while `always_failing`) are answered with
    `failure_status`."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.requests: list[Received] = []
        self.failing = 0
        self.always_failing = False
        self.failure_status = 500
        self.delay = 0.0  # seconds before each answer
        self._server: asyncio.Server | None = None
        self._arrived = asyncio.Condition()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    @property
    def accepted(self) -> list[Received]:
        """The requests answered 200, in the order they came."""
        return [request for request in self.requests if request.status == 200]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> Receiver:
        await self.start()
        return self

    async def __aexit__(self, *exception: object) -> None:
        await self.stop()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            method, path, _ = head[0].split(" ", 2)
            headers = {}
            for line in head[1:]:
                name, colon, value = line.partition(":")
                if colon:
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            await asyncio.sleep(self.delay)
            fail = self.always_failing or self.failing > 0
            self.failing = max(0, self.failing - 1)
            status = self.failure_status if fail else 200
            answer = b"Not today" if fail else b"Thanks"
            # A redirect leads back here: followed, it would be a second request.
            moved = b"Location: /moved\r\n" if 300 <= status < 400 else b""
            writer.write(b"HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                         b"%sConnection: close\r\n\r\n%s" % (
                             status, b"Refused" if fail else b"OK", len(answer), moved, answer))
            await writer.drain()
            async with self._arrived:
                self.requests.append(Received(method, path, headers, body, status))
                self._arrived.notify_all()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def wait_for(self, condition: Callable[[list[Received]], bool],
                       seconds: float = WAIT_SECONDS) -> list[Received]:
        """Every request so far, once `condition` holds of them."""
        async with asyncio.timeout(seconds), self._arrived:
            await self._arrived.wait_for(lambda: condition(self.requests))
            return list(self.requests)

    async def accepted_count(self, count: int, seconds: float = WAIT_SECONDS) -> list[Received]:
        """The first `count` requests answered 200, once that many came."""
        await self.wait_for(lambda requests: sum(r.status == 200 for r in requests) >= count,
                            seconds)
        return self.accepted[:count]


async def eventually(check: Callable[[], Awaitable[T | None]],
                     seconds: float = WAIT_SECONDS) -> T:
    """What `check` returns once it is neither None nor false, asking again every tenth of a
    second; a time-out fails the test."""
    async with asyncio.timeout(seconds):
        while True:
            found = await check()
            if found:
                return found
            await asyncio.sleep(0.1)


async def token_of(db: Database, settings: Settings, probe: Workflow, who: str) -> str:
    """A bearer token of the probe's person `who`."""
    return await bearer_token(db, settings, probe.users[who])


async def owner_and_author(db: Database, settings: Settings,
                           probe: Workflow) -> tuple[str, str]:
    """Tokens of a webhook's owner (a manager of the open community) and of a member who
    starts discussions there."""
    return (await token_of(db, settings, probe, "manager"),
            await token_of(db, settings, probe, "participant"))


async def register(api: ApiProcess, token: str, url: str,
                   **variables: Any) -> dict[str, Any]:
    """The payload of a registration that must succeed (`variables`: types, community)."""
    result: dict[str, Any] = (await api.data(REGISTER, token, url=url,
                                             **variables))["registerWebhook"]
    assert result["userErrors"] == [], result["userErrors"]
    return result


async def start_discussion(api: ApiProcess, token: str, community: str, title: str) -> str:
    """The ID of a discussion started in `community`: its DISCUSSION_CREATED event is logged."""
    result = (await api.data(CREATE_DISCUSSION, token, community=community,
                             title=title))["createDiscussion"]
    assert result["userErrors"] == []
    discussion: str = result["discussion"]["id"]
    return discussion


async def webhook_state(api: ApiProcess, token: str, webhook: str) -> dict[str, Any]:
    """The webhook and its latest deliveries, as its owner reads them."""
    node: dict[str, Any] = (await api.data(WEBHOOK, token, id=webhook))["node"]
    return node


async def handled(api: ApiProcess, token: str, webhook: str, seq: int) -> dict[str, Any]:
    """The webhook's state once it has handled the event `seq` (a receiver has the request a
    moment before the process records how it went)."""

    async def caught_up() -> dict[str, Any] | None:
        found = await webhook_state(api, token, webhook)
        return found if int(found["lastSeq"]) >= seq else None

    return await eventually(caught_up)


def deliveries(webhook: dict[str, Any]) -> list[dict[str, Any]]:
    """The deliveries of a `webhook_state`, the latest event first."""
    return [edge["node"] for edge in webhook["deliveries"]["edges"]]
