"""Webhook deliveries: each API process's dispatcher POSTs the events of the log to the endpoints
people registered, signed, in order, retried, and recorded.

A webhook (`Webhook` node) keeps in Neo4j its place in the log (`cursor`, the seq of the last
event it handled), its consecutive `failures` and when it may be tried again, so any process can
carry on where another stopped, after a restart too. A process works on a webhook only while it
holds the webhook's lease (`leaseOwner`, `leaseUntil`), taken and renewed by write statements
that lock the webhook first and then check who holds it: two replicas never send its events
at the same time, and an update, replay or deletion (which ends the lease) stops a process
that was working on it at its next step.

Working on a webhook means reading the log after its cursor in seq order, skipping the events
its filters refuse or its owner may not see now (the cursor moves past them), and POSTing the
first one left; the next is sent only once that one succeeded (a 2xx answer within
WEBHOOK_TIMEOUT_SECONDS), so a receiver gets them in seq order. A failure (another status, no
answer, no connection, an address it may not reach) is recorded on the delivery, and the
webhook waits WEBHOOK_RETRY_BASE_SECONDS doubled at each consecutive failure, at most
WEBHOOK_RETRY_MAX_SECONDS; after WEBHOOK_MAX_FAILURES in a row it is disabled until its owner
replays or re-enables it. The dispatcher looks for work when the event hub reads new events,
when a retry falls due, and every WEBHOOK_POLL_SECONDS.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

import httpx
from neo4j import AsyncManagedTransaction, Record
from neo4j.exceptions import DriverError, Neo4jError

from app import cypher, event_log, ids, webhook_signing, webhook_targets
from app.db import Database
from app.event_hub import Audience, EventFilter, visible_to
from app.event_log import LoggedEvent
from app.settings import Settings

logger = logging.getLogger("app.webhooks")

# The most webhooks one process works on at once.
MAX_WORKING = 50
# A lease outlasts one delivery's time-out by this much: the statements around the request.
LEASE_MARGIN_SECONDS = 30.0
# What of a refusing receiver's answer is kept as the delivery's last error.
EXCERPT_BYTES = 512
EXCERPT_CHARACTERS = 200
_RETRY_SECONDS = 1.0
_DUE_SLACK_SECONDS = 0.05
_USER_AGENT = "open-innovation-graph-webhooks"


@dataclass(frozen=True)
class Endpoint:
    """A leased webhook, as delivering to it needs it."""

    id: str
    url: str
    secret: str
    owner_id: str
    cursor: int
    wanted: EventFilter

    @classmethod
    def from_record(cls, fields: dict[str, Any]) -> Endpoint:
        """The endpoint of a `claim` record."""

        def chosen(values: list[str] | None) -> frozenset[str] | None:
            return None if values is None else frozenset(values)

        return cls(id=fields["id"], url=fields["url"], secret=fields["secret"],
                   owner_id=fields["ownerId"], cursor=fields["cursor"],
                   wanted=EventFilter(types=chosen(fields.get("eventTypes")),
                                      s3_areas=chosen(fields.get("s3Areas")),
                                      competences=chosen(fields.get("competences")),
                                      community_id=fields.get("communityId"),
                                      project_id=fields.get("projectId")))

    @property
    def global_id(self) -> str:
        """The webhook's global ID, as its owner knows it."""
        return ids.encode("Webhook", self.id)


def delivery_id(webhook_global_id: str, seq: int) -> str:
    """The id of a webhook's delivery of event `seq` (the Webhook-Id header): the same at each
    attempt and replay, for receivers to recognise a delivery they had already."""
    return f"{webhook_global_id}-{seq}"


def body_of(endpoint: Endpoint, event: LoggedEvent) -> bytes:
    """The JSON body that delivers `event` to `endpoint`."""
    return json.dumps({
        "webhook": endpoint.global_id, "seq": str(event.seq), "type": event.type,
        "at": event.at.isoformat(), "subjectType": event.subject_type,
        "subjectId": ids.encode(event.subject_type, event.subject_id),
        "payload": event.public_payload(),
    }, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Answer:
    """How one POST went: the status code (None without an answer) and, unless it was a 2xx,
    what went wrong."""

    status_code: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        """Whether the receiver accepted the delivery."""
        return self.error is None


class WebhookDispatcher:
    """The process's deliverer of webhooks."""

    def __init__(self, db: Database, settings: Settings, audience: Audience) -> None:
        self.db = db
        self.settings = settings
        self.audience = audience
        self.owner = uuid.uuid4().hex  # this process, as leases name it
        self.working: dict[str, asyncio.Task[None]] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._timers: set[asyncio.TimerHandle] = set()
        # Attempts by outcome (DELIVERED, RETRY, DISABLED), for /metrics.
        self.outcomes: Counter[str] = Counter()

    @property
    def lease_milliseconds(self) -> int:
        """How long a lease lasts unless renewed: a delivery's time-out and a margin."""
        return int((self.settings.webhook_timeout_seconds + LEASE_MARGIN_SECONDS) * 1000)

    async def start(self) -> None:
        """Start looking for webhooks to deliver."""
        self._task = asyncio.create_task(self._run(), name="webhook-dispatcher")

    def wake(self, seq: int | None = None) -> None:
        """Look for work now (the log grew to `seq`, or a retry fell due)."""
        self._wake.set()

    async def stop(self) -> None:
        """Stop delivering, and end the leases held, so another process takes over at once."""
        for timer in self._timers:
            timer.cancel()
        tasks = [task for task in (self._task, *self.working.values()) if task is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        try:
            async with asyncio.timeout(self.settings.webhook_timeout_seconds):
                await self._locked("leased", "release", {})
        except (Neo4jError, DriverError, OSError, TimeoutError) as error:
            logger.warning("could not end this process's webhook leases (they run out by "
                           "themselves): %s", error)

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.settings.webhook_poll_seconds)
            self._wake.clear()
            try:
                await self._claim()
            except (Neo4jError, DriverError, OSError) as error:
                logger.warning("could not look for webhooks to deliver: %s", error)
                await asyncio.sleep(_RETRY_SECONDS)
            except Exception:
                # Whatever went wrong, deliveries are looked for again at the next turn.
                logger.exception("looking for webhooks to deliver failed")
                await asyncio.sleep(_RETRY_SECONDS)

    async def _claim(self) -> None:
        room = MAX_WORKING - len(self.working)
        if room <= 0:
            return
        records = await self._locked("claimable", "claim", {
            "busy": list(self.working), "limit": room,
            "leaseMilliseconds": self.lease_milliseconds})
        for record in records:
            endpoint = Endpoint.from_record(record["webhook"])
            self.working[endpoint.id] = asyncio.create_task(
                self._serve(endpoint), name=f"webhook-{endpoint.id}")

    async def _serve(self, endpoint: Endpoint) -> None:
        try:
            if await self._deliver_due(endpoint):
                await self._locked("lock", "release", {}, [endpoint.id])
            self._wake.set()  # events that came while this one worked
        except (Neo4jError, DriverError, OSError) as error:
            # The lease runs out, or this process takes the webhook again at its next poll.
            logger.warning("delivering webhook %s failed: %s", endpoint.id, error)
        except Exception:
            logger.exception("delivering webhook %s failed", endpoint.id)
        finally:
            self.working.pop(endpoint.id, None)

    async def _deliver_due(self, endpoint: Endpoint) -> bool:
        """Deliver the endpoint's events in order until the log's end (True) or until one
        fails or the lease is lost (False)."""
        cursor = endpoint.cursor
        while True:
            page = await event_log.read_after(self.db, cursor)
            if not page:
                return True
            for event in await self._deliverable(endpoint, page):
                # Past the events skipped before this one, and the lease renewed for the POST.
                if not await self._advance(endpoint, event.seq - 1):
                    return False
                # a page's POSTs may take minutes: the owner's access is asked again for each
                if await self._deliverable(endpoint, [event]) and \
                        not await self._attempt(endpoint, event):
                    return False
                cursor = event.seq
            if page[-1].seq > cursor:
                cursor = page[-1].seq
                if not await self._advance(endpoint, cursor):
                    return False

    async def _deliverable(self, endpoint: Endpoint,
                           page: list[LoggedEvent]) -> list[LoggedEvent]:
        return await visible_to(self.db, self.audience, endpoint.wanted, endpoint.owner_id,
                                page)

    async def _advance(self, endpoint: Endpoint, cursor: int) -> bool:
        records = await self._locked("lock", "advance", {
            "webhookId": endpoint.id, "cursor": cursor,
            "leaseMilliseconds": self.lease_milliseconds}, [endpoint.id])
        return bool(records)

    async def _attempt(self, endpoint: Endpoint, event: LoggedEvent) -> bool:
        """POST `event` and record how it went; whether it was delivered (and the lease is
        still held)."""
        delivery = delivery_id(endpoint.global_id, event.seq)
        answer = await send(self.settings, endpoint.url, endpoint.secret, delivery,
                            body_of(endpoint, event))
        settings = self.settings
        records = await self._locked("lock", "record_attempt", {
            "webhookId": endpoint.id, "deliveryId": delivery, "seq": event.seq,
            "eventType": event.type, "statusCode": answer.status_code, "error": answer.error,
            "delivered": answer.delivered, "maxFailures": settings.webhook_max_failures,
            "baseSeconds": settings.webhook_retry_base_seconds,
            "maxSeconds": settings.webhook_retry_max_seconds,
            "leaseMilliseconds": self.lease_milliseconds}, [endpoint.id])
        if not records:
            return False
        outcome, wait = records[0]["outcome"], records[0]["wait"]
        self.outcomes[str(outcome)] += 1
        if outcome == "RETRY":
            self._wake_in(wait)
        elif outcome == "DISABLED":
            logger.warning("webhook %s disabled after %d failures in a row (last: %s)",
                           endpoint.id, settings.webhook_max_failures, answer.error)
        return bool(outcome == "DELIVERED")

    def _wake_in(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        self._timers = {timer for timer in self._timers if timer.when() > loop.time()}
        # A moment later than the retry falls due by Neo4j's clock, so that it is due then.
        self._timers.add(loop.call_later(seconds + _DUE_SLACK_SECONDS, self._wake.set))

    async def _locked(self, lock: str, statement: str, parameters: dict[str, Any],
                      webhook_ids: list[str] | None = None) -> list[Record]:
        """Run `webhooks/<lock>`, which locks webhooks and returns their `id`s (those of
        `webhook_ids` for `lock`), then `webhooks/<statement>` on them as `$webhookIds`, in one
        transaction: what the second reads of them (who holds the lease, the cursor) no other
        transaction can change before it writes."""
        values = {**parameters, "owner": self.owner, "webhookIds": webhook_ids or []}
        found: list[Record] = []

        async def then(tx: AsyncManagedTransaction, locked: list[Record]) -> None:
            result = await tx.run(cypher.load(f"queries/webhooks/{statement}").text,
                                  {**values, "webhookIds": [record["id"] for record in locked]})
            found[:] = [record async for record in result]

        await self.db.write(cypher.load(f"queries/webhooks/{lock}").text, values, then=then)
        return found


async def send(settings: Settings, url: str, secret: str, delivery: str, body: bytes) -> Answer:
    """POST one delivery to `url`, signed with `secret`, to the address checked just before
    (`app.webhook_targets`), within WEBHOOK_TIMEOUT_SECONDS, following no redirect."""
    timeout = settings.webhook_timeout_seconds
    try:
        async with asyncio.timeout(timeout):
            target = await webhook_targets.resolve(url, settings.webhook_allow_private_addresses)
            headers = {**target.headers, "Content-Type": "application/json",
                       "User-Agent": _USER_AGENT, webhook_signing.DELIVERY_HEADER: delivery,
                       webhook_signing.SIGNATURE_HEADER: webhook_signing.sign(secret, body)}
            # One client per delivery: no connection is reused for another host name that
            # resolved to the same address, and proxies of the environment are ignored.
            async with httpx.AsyncClient(timeout=timeout, follow_redirects=False,
                                         trust_env=False) as http, \
                    http.stream("POST", target.url, content=body, headers=headers,
                                extensions=target.extensions) as response:
                if 200 <= response.status_code < 300:
                    return Answer(response.status_code, None)
                excerpt = await _excerpt(response)
                return Answer(response.status_code, f"HTTP {response.status_code}"
                              + (f": {excerpt}" if excerpt else ""))
    except TimeoutError:
        return Answer(None, f"No answer within {timeout:g} seconds.")
    except webhook_targets.TargetError as refused:
        return Answer(None, str(refused))
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as error:
        return Answer(None, f"{type(error).__name__}: {error}" if str(error)
                      else type(error).__name__)


async def _excerpt(response: httpx.Response) -> str:
    """The start of a response's body, as text: at most EXCERPT_BYTES are read."""
    read = b""
    async for chunk in response.aiter_raw():
        read += chunk
        if len(read) >= EXCERPT_BYTES:
            break
    text = read[:EXCERPT_BYTES].decode("utf-8", errors="replace")
    return " ".join(text.split())[:EXCERPT_CHARACTERS]
