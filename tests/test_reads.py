"""Reads through app.db against the real Neo4j: reads running at once each get their own
answer, a read that fails or is cancelled leaves the next ones answering (the read sessions
are taken again once idle, app/db.py `_read_once`), and closing the Database closes them."""

from __future__ import annotations

import asyncio
import gc
import uuid
import warnings
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from neo4j.exceptions import ClientError

from app.db import Database, connect
from app.settings import Settings
from tests.conftest import cypher_text


@pytest_asyncio.fixture
async def own_database(settings: Settings, db: Database) -> AsyncIterator[Database]:
    """A Database on a driver of its own, so that its idle sessions are this test's alone."""
    async with connect(settings) as database:
        yield database


async def numbers_read(database: Database, numbers: range) -> list[int]:
    found = await asyncio.gather(*(database.read(cypher_text("echo_number"), {"number": number})
                                   for number in numbers))
    return [records[0]["number"] for records in found]


async def test_reads_running_at_once_each_get_their_own_answer(own_database: Database) -> None:
    for _ in range(3):  # the second and third rounds run in the sessions the first left idle
        assert await numbers_read(own_database, range(40)) == list(range(40))


async def test_a_failed_read_leaves_the_next_reads_answering(own_database: Database) -> None:
    assert await numbers_read(own_database, range(8)) == list(range(8))
    with pytest.raises(ClientError, match="/ by zero"):
        await own_database.read(cypher_text("divide_by"), {"divisor": 0})
    [record] = await own_database.read(cypher_text("divide_by"), {"divisor": 1})
    assert record["quotient"] == 1
    assert await numbers_read(own_database, range(8, 16)) == list(range(8, 16))


async def test_a_cancelled_read_leaves_the_next_reads_answering(own_database: Database) -> None:
    assert await numbers_read(own_database, range(4)) == list(range(4))
    # Neo4j's own timeout ends the statement soon after, so that it does not run on for minutes
    slow = asyncio.ensure_future(own_database.read(
        cypher_text("slow_count"), {"marker": f"cancelled-{uuid.uuid4().hex}"}, timeout=2.0))
    await asyncio.sleep(0.3)
    slow.cancel()
    with pytest.raises(asyncio.CancelledError):
        await slow
    assert await numbers_read(own_database, range(4, 20)) == list(range(4, 20))


async def test_closing_the_database_closes_the_sessions_it_kept(settings: Settings,
                                                                db: Database) -> None:
    gc.collect()  # what earlier tests left is not this test's
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        async with connect(settings) as database:
            assert await numbers_read(database, range(8)) == list(range(8))
        del database
        gc.collect()
    unclosed = [str(warning.message) for warning in caught
                if issubclass(warning.category, ResourceWarning) and "Session" in str(
                    warning.message)]
    assert unclosed == []
