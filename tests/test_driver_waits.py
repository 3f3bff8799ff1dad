"""The Neo4j driver's timed waits replaced (app/driver_waits.py, on Python 3.11): a Neo4j
connection that goes silent is still given up after the time the server hinted in its HELLO
answer (`connection.recv_timeout_seconds`), as with the driver's own waits, instead of hanging.
"""

from __future__ import annotations

import asyncio
import struct
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import pytest
from neo4j.exceptions import ServiceUnavailable

from app import driver_waits
from app.db import Database, open_driver
from app.settings import Settings

RECV_TIMEOUT_SECONDS = 1
# A regression (the hint ignored) fails the test at this bound instead of hanging it.
GUARD_SECONDS = 10.0

MAGIC = b"\x60\x60\xb0\x17"
# Bolt 5.8: the driver offers 5.0 to 5.8; 5.2 or later is needed for the app's
# notifications_min_severity, 5.1 or later sends LOGON after HELLO.
BOLT_5_8 = b"\x00\x00\x08\x05"
HELLO_SUCCESS: dict[str, object] = {
    "server": "Neo4j/5.26.0",
    "connection_id": "bolt-1",
    "hints": {"connection.recv_timeout_seconds": RECV_TIMEOUT_SECONDS},
}
SUCCESS = 0x70


def pack(value: object) -> bytes:
    """PackStream of the strings, small integers and maps a SUCCESS carries here."""
    if isinstance(value, str):
        data = value.encode()
        if len(data) < 16:
            return bytes([0x80 + len(data)]) + data
        return bytes([0xD0, len(data)]) + data
    if isinstance(value, int) and -16 <= value < 128:
        return struct.pack(">b", value)
    if isinstance(value, dict) and len(value) < 16:
        return bytes([0xA0 + len(value)]) + b"".join(
            pack(key) + pack(item) for key, item in value.items())
    raise TypeError(f"not packed here: {value!r}")


def message(tag: int, *fields: object) -> bytes:
    """A Bolt message in one chunk, with its end marker."""
    body = bytes([0xB0 + len(fields), tag]) + b"".join(pack(field) for field in fields)
    return struct.pack(">H", len(body)) + body + b"\x00\x00"


async def read_message(reader: asyncio.StreamReader) -> bytes:
    """The body of the next chunked message the client sends."""
    body = b""
    while size := struct.unpack(">H", await reader.readexactly(2))[0]:
        body += await reader.readexactly(size)
    return body


async def neo4j_gone_silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A Bolt server that agrees a version, answers HELLO and LOGON, and then never answers
    again, reading whatever is sent (a frozen Neo4j, a black-holed network)."""
    try:
        assert await reader.readexactly(4) == MAGIC
        await reader.readexactly(16)
        writer.write(BOLT_5_8)
        await read_message(reader)  # HELLO
        await read_message(reader)  # LOGON
        writer.write(message(SUCCESS, HELLO_SUCCESS) + message(SUCCESS, {}))
        await writer.drain()
        while True:
            await read_message(reader)
    except (asyncio.IncompleteReadError, ConnectionError):
        pass  # the driver closed the connection
    finally:
        writer.close()


@asynccontextmanager
async def silent_neo4j() -> AsyncIterator[str]:
    """The bolt:// URI of a server like `neo4j_gone_silent`, closed on exit."""
    server = await asyncio.start_server(neo4j_gone_silent, "127.0.0.1", 0)
    try:
        port = server.sockets[0].getsockname()[1]
        yield f"bolt://127.0.0.1:{port}"
    finally:
        server.close()
        await server.wait_closed()


async def test_a_silent_neo4j_connection_is_given_up_after_the_servers_hint() -> None:
    async with silent_neo4j() as uri:
        settings = Settings(neo4j_uri=uri, neo4j_user="neo4j", neo4j_password="secret",
                            env="test")
        driver = open_driver(settings)
        try:
            if sys.version_info < (3, 12):
                assert driver_waits.use_timeout_scopes()
                assert all(module.wait_for is driver_waits.wait_for
                           for module in driver_waits.driver_modules())
            # No retries: the one read's time is what is measured.
            db = Database(driver, "neo4j", retry_time=0)
            started = time.perf_counter()
            with pytest.raises(ServiceUnavailable) as raised:
                await asyncio.wait_for(db.read("RETURN 1"), GUARD_SECONDS)
            seconds = time.perf_counter() - started
        finally:
            await driver.close()
    # a read that timed out, not a connection refused or closed
    assert isinstance(raised.value.__cause__, TimeoutError), raised.value.__cause__
    assert RECV_TIMEOUT_SECONDS - 0.1 <= seconds < GUARD_SECONDS


async def test_a_wait_returns_what_is_awaited_done_at_once_or_after_waiting() -> None:
    async def at_once() -> str:
        return "at once"

    async def after_waiting(task: asyncio.Task[object] | None) -> str:
        await asyncio.sleep(0.01)
        await asyncio.sleep(0)
        assert asyncio.current_task() is task  # no task of its own
        return "after waiting"

    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, future.set_result, "a future")
    assert await driver_waits.wait_for(at_once(), 1.0) == "at once"
    assert await driver_waits.wait_for(after_waiting(asyncio.current_task()), 1.0) == (
        "after waiting")
    assert await driver_waits.wait_for(after_waiting(asyncio.current_task()), None) == (
        "after waiting")
    assert await driver_waits.wait_for(future, 1.0) == "a future"


async def test_a_wait_past_its_time_raises_timeout_and_stops_what_it_awaited() -> None:
    stopped = []

    async def slow() -> None:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            stopped.append("cancelled")
            raise

    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        await driver_waits.wait_for(slow(), 0.05)
    assert time.perf_counter() - started < 1
    assert stopped == ["cancelled"]


async def test_an_error_after_a_wait_reaches_the_caller() -> None:
    async def failing() -> None:
        await asyncio.sleep(0.01)
        raise ValueError("from the read")

    with pytest.raises(ValueError, match="from the read"):
        await driver_waits.wait_for(failing(), 1.0)


async def test_a_cancelled_caller_is_cancelled_never_swallowed() -> None:
    stopped = []

    async def slow() -> None:
        try:
            await asyncio.sleep(5)
        finally:
            stopped.append("stopped")

    async def caller() -> str:
        await driver_waits.wait_for(slow(), 2.0)
        return "went on"

    task = asyncio.create_task(caller())
    await asyncio.sleep(0.02)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert stopped == ["stopped"]


@pytest.mark.parametrize("through_a_coroutine", [False, True])
async def test_a_caller_cancelled_as_what_it_awaits_completes_is_cancelled(
        through_a_coroutine: bool) -> None:
    # Python 3.11's own wait_for returned the result here, losing the cancellation
    future: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    async def read() -> str:
        return await future

    awaited = read() if through_a_coroutine else future
    task = asyncio.create_task(driver_waits.wait_for(awaited, 5.0))
    await asyncio.sleep(0)
    future.set_result("done")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_an_error_handled_after_a_cancellation_is_not_chained_to_it() -> None:
    async def handles_its_cancellation() -> None:
        with suppress(asyncio.CancelledError):
            await asyncio.sleep(5)
        raise ValueError("after the cancellation was handled")

    task = asyncio.create_task(driver_waits.wait_for(handles_its_cancellation(), 5.0))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(ValueError) as raised:
        await task
    assert raised.value.__context__ is None  # as a plain await leaves it
