"""Waking the other API replicas when the event log grows, over Redis pub/sub.

The event log in Neo4j is the truth: every replica tails it and, without news, reads it again at
its next poll. Redis only shortens that wait: the replica that appended events publishes the
log's new last sequence number, and every replica subscribed to the channel reads the log at
once. Nothing depends on a message arriving: one lost while Redis is away, or published while a
replica is reconnecting, costs that replica at most one poll interval. So a message is tiny (the
sequence number as decimal text), publishing never fails a request, and a subscriber keeps
trying to reconnect for as long as it runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

logger = logging.getLogger("app.event_relay")

# Reconnecting after Redis went away: the first wait and the longest, doubling in between.
FIRST_RETRY_DELAY = 0.1
MAX_RETRY_DELAY = 5.0
# Seconds to open a connection or to wait for a reply: a publish must never hold up the
# request behind it for long.
SOCKET_TIMEOUT = 1.0


class RedisRelay:
    """Tells the other API replicas that the event log grew, over Redis pub/sub."""

    def __init__(self, url: str, channel: str = "events") -> None:
        self.channel = channel
        # One immediate retry replaces a pooled connection that a restarted server closed;
        # longer outages are `run`'s to wait out, and a publish is simply dropped meanwhile.
        self._client = Redis.from_url(
            url, retry=Retry(NoBackoff(), 1), socket_connect_timeout=SOCKET_TIMEOUT,
            socket_timeout=SOCKET_TIMEOUT,
        )
        self._publish_failing = False

    async def publish(self, seq: int) -> None:
        """Announce that the log reached `seq`. Never raises: the others' poll is the fallback,
        so a failure is logged (at WARNING the first time of an outage, then at DEBUG until a
        publish succeeds again) and the message dropped."""
        try:
            await self._client.publish(self.channel, str(seq))
        except Exception as error:
            level = logging.DEBUG if self._publish_failing else logging.WARNING
            self._publish_failing = True
            logger.log(level, "could not announce event %d over Redis (the other replicas will "
                       "find it at their next poll): %s", seq, _describe(error),
                       exc_info=not isinstance(error, RedisError | OSError))
            return
        if self._publish_failing:
            self._publish_failing = False
            logger.info("announcing events over Redis again")

    async def run(self, on_seq: Callable[[int], None]) -> None:
        """Call `on_seq(seq)` for every sequence number announced on the channel, until
        cancelled; messages that are not one are ignored. While Redis is away, subscribe again
        after a wait that doubles from FIRST_RETRY_DELAY to MAX_RETRY_DELAY, then call
        `on_seq(0)` once (announcements were missed: the log is worth reading). Raises nothing
        but CancelledError."""
        delay = FIRST_RETRY_DELAY
        failing = False
        while True:
            try:
                async with self._client.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    async for message in pubsub.listen():
                        if message["type"] == "subscribe":
                            delay = FIRST_RETRY_DELAY
                            logger.log(logging.INFO if failing else logging.DEBUG,
                                       "listening for events over Redis%s (channel %s)",
                                       " again" if failing else "", self.channel)
                            if failing:  # what was announced meanwhile was missed: read now
                                _deliver(b"0", on_seq)
                            failing = False
                        elif message["type"] == "message":
                            _deliver(message["data"], on_seq)
            except Exception as error:
                # The first failure of an outage is worth a warning; its retries are not.
                level = logging.DEBUG if failing else logging.WARNING
                failing = True
                logger.log(level, "lost the Redis subscription (events reach this replica "
                           "through its poll meanwhile), retrying in %.1fs: %s", delay,
                           _describe(error), exc_info=not isinstance(error, RedisError | OSError))
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_DELAY)

    async def close(self) -> None:
        """Close the connections (cancel `run` first)."""
        await self._client.aclose()


def _deliver(data: object, on_seq: Callable[[int], None]) -> None:
    """Pass on a well-formed announcement; a subscriber's error must not end the subscription."""
    if not isinstance(data, bytes) or not data.isdigit():
        logger.debug("ignored a malformed message on the events channel: %r", data)
        return
    try:
        on_seq(int(data))
    except Exception:
        logger.exception("handling the announcement of event %s failed", data.decode())


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
