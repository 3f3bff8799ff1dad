"""The one Neo4j driver of the process and the only place that sends Cypher to it.

Writes run as managed transactions (`execute_query`, retried on transient errors). Reads run as
auto-commit transactions: one network round trip instead of two (a managed transaction also
sends its COMMIT), a millisecond or two on every statement of a request; they are retried here
on the same transient errors for the same time.
Every call counts as one round trip in the request's `QueryStats`, which tests and operators read
to check that a request's round trips grow with the query's depth, not with its results.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl

from app.settings import Settings


@dataclass
class QueryStats:
    """Cypher round trips and their time within one request."""

    round_trips: int = 0
    seconds: float = 0.0


# A step run after a write statement in its transaction, given the statement's records.
ThenInTransaction = Callable[[neo4j.AsyncManagedTransaction, list[neo4j.Record]], Awaitable[None]]

_stats: ContextVar[QueryStats | None] = ContextVar("query_stats", default=None)


def begin_stats() -> QueryStats:
    """Start counting the round trips of the current request (its task and the tasks it spawns)."""
    stats = QueryStats()
    _stats.set(stats)
    return stats


def open_driver(settings: Settings) -> AsyncDriver:
    """A driver for the configured Neo4j with the pool and time-outs from settings."""
    if not settings.neo4j_uri:
        raise RuntimeError("NEO4J_URI is not set (`make run` sets it for the local Neo4j)")
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
    driver = open_driver(settings)
    try:
        yield Database(driver, settings.neo4j_database, settings.query_timeout,
                       settings.neo4j_max_retry_time)
    finally:
        await driver.close()


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

    async def read(self, text: str, parameters: dict[str, Any] | None = None,
                   timeout: float | None = None) -> list[neo4j.Record]:
        """Run a read statement in an auto-commit transaction and return all its records,
        retrying transient failures for `retry_time` seconds."""
        query = neo4j.Query(text, timeout=timeout or self.default_timeout)
        started = time.perf_counter()
        delay = _FIRST_RETRY_DELAY
        self.in_flight += 1
        try:
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

    async def _read_once(self, query: neo4j.Query,
                         parameters: dict[str, Any]) -> list[neo4j.Record]:
        async with self.driver.session(database=self.database,
                                       default_access_mode=neo4j.READ_ACCESS) as session:
            result = await session.run(query, parameters)
            return [record async for record in result]

    async def write(self, text: str, parameters: dict[str, Any] | None = None,
                    timeout: float | None = None,
                    then: ThenInTransaction | None = None) -> list[neo4j.Record]:
        """Run a write statement in a managed (retried) transaction and return its records;
        `then`, when given, runs in the same transaction after it (and again on a retry), so
        what it writes commits exactly when the statement's changes do."""
        started = time.perf_counter()
        self.in_flight += 1
        try:
            if then is None:
                query = neo4j.Query(text, timeout=timeout or self.default_timeout)
                result = await self.driver.execute_query(
                    query, parameters or {}, database_=self.database,
                    routing_=RoutingControl.WRITE)
                return result.records

            @neo4j.unit_of_work(timeout=timeout or self.default_timeout)
            async def work(tx: neo4j.AsyncManagedTransaction) -> list[neo4j.Record]:
                result = await tx.run(text, parameters or {})
                records = [record async for record in result]
                await then(tx, records)
                return records

            async with self.driver.session(database=self.database) as session:
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
