"""The one Neo4j driver of the process and the only place that sends Cypher to it.

Writes run as managed transactions (`execute_query`, retried on transient errors). Reads run as
auto-commit transactions: one network round trip instead of two (a managed transaction also
sends its COMMIT), a millisecond or two on every statement of a request; they are retried here
on the same transient errors for the same time.
Every call counts as one round trip in the request's `QueryStats`, which tests and operators read
to check that a request's round trips grow with the query's depth, not with its results.

An HTTP request has a deadline (`request_deadline`, REQUEST_TIMEOUT seconds): each statement's
Neo4j transaction timeout is what is left of it (at most QUERY_TIMEOUT), so Neo4j itself ends
the work of a request that ran out of time, and retries stop at it. A statement that gets no
answer by then (Neo4j frozen, a black-holed network) is abandoned: its connection is closed and
the request fails with UNAVAILABLE (`extensions.reason` TIMEOUT) instead of holding a worker.
Background work (the event hub, webhooks, subscriptions) has no deadline: QUERY_TIMEOUT only.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl

from app.driver_waits import use_timeout_scopes
from app.errors import TERMINATED_FROM_OUTSIDE, RequestTimedOut
from app.settings import Settings


@dataclass
class QueryStats:
    """Cypher round trips and their time within one request, and whether its operation was
    compiled into one statement per root field (schema/compiled)."""

    round_trips: int = 0
    seconds: float = 0.0
    compiled: bool = False


# A step run after a write statement in its transaction, given the statement's records.
ThenInTransaction = Callable[[neo4j.AsyncManagedTransaction, list[neo4j.Record]], Awaitable[None]]

# Idle read sessions kept at most: as many as the reads that ran at once, up to this.
MAX_IDLE_SESSIONS = 64

_stats: ContextVar[QueryStats | None] = ContextVar("query_stats", default=None)
# The monotonic time by which the current request's statements must be done (None: no limit).
_deadline: ContextVar[float | None] = ContextVar("request_deadline", default=None)


def begin_stats() -> QueryStats:
    """Start counting the round trips of the current request (its task and the tasks it spawns)."""
    stats = QueryStats()
    _stats.set(stats)
    return stats


@contextmanager
def request_deadline(seconds: float) -> Iterator[None]:
    """Give the statements run within (in this task and the tasks it spawns) `seconds` from
    now, all together."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def open_driver(settings: Settings) -> AsyncDriver:
    """A driver for the configured Neo4j with the pool and time-outs from settings."""
    if not settings.neo4j_uri:
        raise RuntimeError("NEO4J_URI is not set (`make run` sets it for the local Neo4j)")
    use_timeout_scopes()
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=settings.neo4j_connection_timeout,
        connection_acquisition_timeout=settings.neo4j_acquisition_timeout,
        max_connection_pool_size=settings.neo4j_max_pool_size,
        # Managed transactions retry transient errors for this long, then the request fails
        # (UNAVAILABLE) instead of holding a worker while Neo4j is away.
        max_transaction_retry_time=settings.neo4j_max_retry_time,
        notifications_min_severity="OFF",
    )


@asynccontextmanager
async def connect(settings: Settings) -> AsyncIterator[Database]:
    """A Database on its own driver, closed on exit: for commands and tests, not requests."""
    database = Database(open_driver(settings), settings.neo4j_database, settings.query_timeout,
                        settings.neo4j_max_retry_time)
    try:
        yield database
    finally:
        await database.close()


class Database:
    """Runs statements against one database of one driver."""

    def __init__(self, driver: AsyncDriver, database: str,
                 default_timeout: float | None = None, retry_time: float = 5.0) -> None:
        self.driver = driver
        self.database = database
        # Neo4j ends a transaction running longer than this, so an abandoned query stops.
        self.default_timeout = default_timeout
        self.retry_time = retry_time
        # The process's round trips and their time, and the statements running now: what
        # /metrics reports (app/metrics.py), background work included.
        self.totals = QueryStats()
        self.in_flight = 0
        # Through a routing URI (a cluster), every statement of the process waits for the
        # writes the process committed (the driver's own manager): a read routed to a
        # secondary sees what this process wrote, within a request and across requests. A
        # single server (bolt://) is consistent by itself, and the manager's bookkeeping cost
        # a profile page 0.7 ms there.
        self.bookmarks: neo4j.api.AsyncBookmarkManager | None = (
            driver.execute_query_bookmark_manager
            if isinstance(driver, neo4j.AsyncNeo4jDriver) else None)
        # Read sessions with nothing running, taken again by the next reads (`_read_once`).
        self._idle_sessions: list[neo4j.AsyncSession] = []

    async def close(self) -> None:
        """Close the read sessions kept idle, then the driver: the end of this Database's
        work (an idle session left unclosed would be reported as a ResourceWarning when
        collected)."""
        idle, self._idle_sessions = self._idle_sessions, []
        try:
            for session in idle:
                await session.close()
        finally:
            await self.driver.close()

    async def read(self, text: str, parameters: dict[str, Any] | None = None,
                   timeout: float | None = None) -> list[neo4j.Record]:
        """Run a read statement in an auto-commit transaction and return all its records,
        retrying transient failures for `retry_time` seconds."""
        started = time.perf_counter()
        delay = _FIRST_RETRY_DELAY
        self.in_flight += 1
        try:
            async with self._time_limit(timeout) as limit:
                query = neo4j.Query(text, timeout=limit)
                while True:
                    try:
                        return await self._read_once(query, parameters or {})
                    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as error:
                        if not error.is_retryable() or (
                                time.perf_counter() - started + delay > self.retry_time):
                            raise
                    await asyncio.sleep(delay)
                    delay *= 2
        finally:
            self._count_round_trip(started)

    def _read_session(self) -> neo4j.AsyncSession:
        return self.driver.session(database=self.database, bookmark_manager=self.bookmarks,
                                   default_access_mode=neo4j.READ_ACCESS)

    async def _read_once(self, query: neo4j.Query,
                         parameters: dict[str, Any]) -> list[neo4j.Record]:
        """One auto-commit read. On a single server, in a session of `_idle_sessions`: one
        whose last result was read to its end has given its connection back to the pool and
        holds nothing, so it is taken again instead of making a new one (the driver merges a
        session's configuration anew each time: 0.05 ms of CPU per statement, measured in
        benchmarks/results.md, change 22). A session that failed or was cancelled is not
        kept. Through a routing URI every read has a session of its own, so that a read's
        bookmark never makes the next one, on another member, wait for it."""
        keeps_sessions = self.bookmarks is None  # a single server
        session = (self._idle_sessions.pop() if keeps_sessions and self._idle_sessions
                   else self._read_session())
        try:
            result = await session.run(query, parameters)
            records = [record async for record in result]
        except asyncio.CancelledError:
            session.cancel()  # its connection, if it had one, is closed, as on leaving `async with`
            raise
        except BaseException:
            await session.close()
            raise
        if keeps_sessions and len(self._idle_sessions) < MAX_IDLE_SESSIONS:
            self._idle_sessions.append(session)
        else:
            await session.close()
        return records

    async def write(self, text: str, parameters: dict[str, Any] | None = None,
                    timeout: float | None = None,
                    then: ThenInTransaction | None = None) -> list[neo4j.Record]:
        """Run a write statement in a managed (retried) transaction and return its records;
        `then`, when given, runs in the same transaction after it (and again on a retry), so
        what it writes commits exactly when the statement's changes do."""
        started = time.perf_counter()
        self.in_flight += 1
        try:
            async with self._time_limit(timeout) as limit:
                if then is None:
                    result = await self.driver.execute_query(
                        neo4j.Query(text, timeout=limit), parameters or {},
                        database_=self.database, routing_=RoutingControl.WRITE,
                        bookmark_manager_=self.bookmarks)
                    return result.records

                @neo4j.unit_of_work(timeout=limit)
                async def work(tx: neo4j.AsyncManagedTransaction) -> list[neo4j.Record]:
                    result = await tx.run(text, parameters or {})
                    records = [record async for record in result]
                    await then(tx, records)
                    return records

                async with self.driver.session(database=self.database,
                                               bookmark_manager=self.bookmarks) as session:
                    return await session.execute_write(work)
        finally:
            self._count_round_trip(started)

    def _count_round_trip(self, started: float) -> None:
        self.in_flight -= 1
        seconds = time.perf_counter() - started
        self.totals.round_trips += 1
        self.totals.seconds += seconds
        stats = _stats.get()
        if stats is not None:
            stats.round_trips += 1
            stats.seconds += seconds

    @asynccontextmanager
    async def _time_limit(self, timeout: float | None) -> AsyncIterator[float | None]:
        """The transaction timeout of a statement about to run: `timeout` (or the default),
        cut to what is left of the request's deadline. Within a request, the statement (with
        its retries) is abandoned a moment after the deadline if Neo4j has not answered by
        then, and both that and Neo4j's own end of the transaction raise RequestTimedOut."""
        limit = timeout or self.default_timeout
        deadline = _deadline.get()
        if deadline is None:
            yield limit
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RequestTimedOut()
        try:
            # A moment for Neo4j's own answer; without one (Neo4j looks for transactions past
            # their timeout every 2 s by default, or cannot answer at all) the statement is
            # abandoned, its connection closed, and Neo4j ends the transaction at that check.
            async with asyncio.timeout(remaining + _UNANSWERED_GRACE):
                # Neo4j reads a timeout of 0 ms as none at all.
                yield max(min(limit, remaining) if limit else remaining, _SHORTEST_TIMEOUT)
        except TimeoutError:
            raise RequestTimedOut() from None
        except neo4j.exceptions.Neo4jError as error:
            # a transaction waiting for a lock when its timeout ends is stopped, not timed out
            if error.code in _TIMED_OUT or (error.code in TERMINATED_FROM_OUTSIDE
                                            and time.monotonic() >= deadline):
                raise RequestTimedOut() from error
            raise

    async def ping(self, text: str, timeout: float) -> None:
        """Run a trivial statement once, without retries: for readiness probes."""
        async with self.driver.session(database=self.database) as session:
            result = await session.run(neo4j.Query(text, timeout=timeout))
            await result.consume()

    async def run_schema(self, text: str) -> None:
        """Run a schema statement (constraint or index) in an auto-commit transaction."""
        async with self.driver.session(database=self.database) as session:
            result = await session.run(text)
            await result.consume()


_FIRST_RETRY_DELAY = 0.1
_UNANSWERED_GRACE = 0.5
_SHORTEST_TIMEOUT = 0.001
_TIMED_OUT = frozenset({"Neo.ClientError.Transaction.TransactionTimedOut",
                        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"})
