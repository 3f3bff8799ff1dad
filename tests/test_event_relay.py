"""Replicas waking each other over Redis when the event log grows (app/event_relay.py), against
a real local Redis; no Neo4j is involved."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from uuid import uuid4

import pytest
import pytest_asyncio
from redis.asyncio import Redis

import localredis
from app.event_relay import RedisRelay

# Generous: only a broken relay takes this long.
WAIT = 15.0


class RelayLog(logging.Handler):
    """What the relays log, awaitable line by line (they say when they are listening)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.changed = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.changed.set()

    def count(self, text: str, level: int = logging.DEBUG) -> int:
        """How many lines at `level` or above hold `text`."""
        return sum(text in record.getMessage() for record in self.records
                   if record.levelno >= level)

    async def wait_for(self, text: str, times: int = 1) -> None:
        """Wait until `text` was logged `times` times in all."""
        async with asyncio.timeout(WAIT):
            while self.count(text) < times:
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
def relay_log() -> Iterator[RelayLog]:
    logger = logging.getLogger("app.event_relay")
    handler, level = RelayLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@dataclass
class Replicas:
    """Two replicas' relays on a channel of their own: one announces, the other listens."""

    url: str
    channel: str
    announcer: RedisRelay
    heard: asyncio.Queue[int]

    @property
    def listening(self) -> str:
        """What the listener logs each time it has subscribed."""
        return f"(channel {self.channel})"

    async def next_heard(self) -> int:
        return await asyncio.wait_for(self.heard.get(), WAIT)


@pytest_asyncio.fixture(loop_scope="session")
async def replicas(redis_server: localredis.Instance,
                   relay_log: RelayLog) -> AsyncIterator[Replicas]:
    channel = f"events-{uuid4().hex}"
    announcer = RedisRelay(redis_server.url, channel)
    listener = RedisRelay(redis_server.url, channel)
    heard: asyncio.Queue[int] = asyncio.Queue()
    listening = asyncio.create_task(listener.run(heard.put_nowait))
    pair = Replicas(redis_server.url, channel, announcer, heard)
    try:
        # Redis drops what nobody listens to: announce only once the listener has subscribed.
        await relay_log.wait_for(pair.listening)
        yield pair
    finally:
        listening.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listening
        await announcer.close()
        await listener.close()


async def test_an_announced_seq_reaches_the_other_replica(replicas: Replicas) -> None:
    await replicas.announcer.publish(41)
    await replicas.announcer.publish(42)
    assert [await replicas.next_heard(), await replicas.next_heard()] == [41, 42]


async def test_messages_that_are_no_seq_are_ignored(replicas: Replicas) -> None:
    client = Redis.from_url(replicas.url)
    try:
        for junk in ("", "seven", "-3", "1.5", " 9"):
            await client.publish(replicas.channel, junk)
    finally:
        await client.aclose()
    await replicas.announcer.publish(43)
    assert await replicas.next_heard() == 43


def free_port() -> int:
    """A port nothing listens on (just released by the system)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_announcing_without_redis_warns_once_and_goes_on(relay_log: RelayLog) -> None:
    relay = RedisRelay(f"redis://127.0.0.1:{free_port()}/0", f"events-{uuid4().hex}")
    try:
        await relay.publish(1)
        await relay.publish(2)
    finally:
        await relay.close()
    # A warning once per outage, not once per event.
    assert relay_log.count("could not announce event", logging.WARNING) == 1
    assert relay_log.count("could not announce event 2") == 1


async def test_the_listener_comes_back_after_redis_restarts(
        replicas: Replicas, redis_server: localredis.Instance, relay_log: RelayLog) -> None:
    try:
        await asyncio.to_thread(redis_server.stop)
        await replicas.announcer.publish(50)  # dropped, without an error
        await relay_log.wait_for("lost the Redis subscription")
    finally:
        await asyncio.to_thread(redis_server.start)
    await relay_log.wait_for(f"listening for events over Redis again {replicas.listening}")
    # announcements were missed during the outage: the listener is told to read the log
    assert await replicas.next_heard() == 0
    await replicas.announcer.publish(51)
    assert await replicas.next_heard() == 51
    assert replicas.heard.empty()
