"""The Neo4j driver's timed waits without a task per wait on Python 3.11.

The driver bounds every socket read by the server's hint `connection.recv_timeout_seconds`
(Neo4j sends it by default: a connection silent for longer is dead) and a wait for a pooled
connection by NEO4J_ACQUISITION_TIMEOUT. On Python < 3.12 it does so with its own copy of
`asyncio.wait_for` (neo4j._async_compat.shims, kept there because 3.11's `wait_for` could
swallow a cancellation), which runs each read in a new task and waits for that: about seven
tasks per statement, most of them for bytes already received. Python 3.12's `wait_for` is a
timeout scope around the awaited read instead, with no task and no such bug; 3.11 has that
scope as `asyncio.timeout`. `use_timeout_scopes` gives the driver that definition on 3.11,
and sets the timer only for a read that has to wait: the same bounds, the same TimeoutError
(which the driver turns into its own errors), a cancellation never swallowed. Measured on the
organizations two ties away (benchmarks/results.md, change 15), medians of paired series:
0.915 of a worker's CPU per request before in process, 0.935 served. On 3.12 and later the
driver uses the standard library's and nothing is changed.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Coroutine, Generator
from types import ModuleType
from typing import Any, TypeVar, cast

_T = TypeVar("_T")

logger = logging.getLogger("app.driver_waits")


async def wait_for(awaitable: Awaitable[_T], timeout: float | None) -> _T:
    """Await `awaitable` for at most `timeout` seconds (None: no bound), raising TimeoutError
    when it runs out, as Python 3.12's `asyncio.wait_for` does: a coroutine runs in the
    caller's task, not in a task of its own. A coroutine that is done without waiting (a read
    of bytes already received, most of a response's reads) needs no timer, so it is run one
    step before one is set."""
    if timeout is None:
        return await awaitable
    if timeout <= 0:
        # what is done already is returned; anything else times out at once
        return await asyncio.wait_for(awaitable, timeout)
    if isinstance(awaitable, Coroutine):
        try:
            waited_on = awaitable.send(None)
        except StopIteration as done:
            return cast(_T, done.value)
        awaitable = _Resumed(awaitable, waited_on)
    async with asyncio.timeout(timeout):
        return await awaitable


class _Resumed(Awaitable[_T]):
    """A coroutine already run to its first wait, awaited from there (as `await` would have
    gone on): what the waiting task sends or throws goes to the coroutine, what it waits on
    goes to the task, which the timer's cancellation reaches like any other."""

    def __init__(self, coroutine: Coroutine[Any, Any, _T], waited_on: Any) -> None:
        self.coroutine = coroutine
        self.waited_on = waited_on

    def __await__(self) -> Generator[Any, Any, _T]:
        waited_on = self.waited_on
        while True:
            sent, thrown = None, None
            try:
                sent = yield waited_on
            except GeneratorExit:  # closed unfinished, as `await` would close it
                self.coroutine.close()
                raise
            except BaseException as error:  # the task's CancelledError too
                thrown = error
            # thrown outside the handler, so the coroutine does not see it as being handled
            try:
                if thrown is not None:
                    waited_on = self.coroutine.throw(thrown)
                else:
                    waited_on = self.coroutine.send(sent)
            except StopIteration as done:
                return cast(_T, done.value)


def driver_modules() -> list[ModuleType]:
    """The driver's modules that wait with its `wait_for`: socket reads and writes, and the
    locks and conditions of its connection pool."""
    from neo4j._async_compat import concurrency
    from neo4j._async_compat.network import _bolt_socket

    return [_bolt_socket, concurrency]


def use_timeout_scopes() -> bool:
    """On Python < 3.12, make the driver's timed waits those of `wait_for` here; True if the
    driver waits with them now. False on 3.12 and later (the standard library's are the
    same), and, with a warning, if the driver no longer waits where it did: it then keeps its
    own, slower but as correct (tests/test_driver_waits.py tells on a driver upgrade)."""
    if sys.version_info >= (3, 12):
        return False
    from neo4j._async_compat.shims import wait_for as drivers_own

    modules = driver_modules()
    moved = [module.__name__ for module in modules
             if getattr(module, "wait_for", None) not in (drivers_own, wait_for)]
    if moved:
        logger.warning("the Neo4j driver no longer waits with its wait_for in %s: "
                       "its waits keep a task each (app/driver_waits.py)", ", ".join(moved))
        return False
    for module in modules:
        module.wait_for = wait_for  # type: ignore[attr-defined]
    return True
