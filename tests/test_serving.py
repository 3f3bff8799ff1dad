"""`python -m app serve` (app/serving.py): workers that share a port's connections out among
them, are started again when they die, and stop with the server."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import httpx

from app.db import Database
from app.settings import Settings
from tests.live_api import ApiProcess

TYPENAME = {"query": "{ __typename }"}
CONNECTIONS = 64


def workers_of(server_pid: int) -> list[int]:
    """The worker processes the server started (not multiprocessing's helpers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if parent == server_pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return sorted(found)


ESTABLISHED, LISTEN = "01", "0A"  # states in /proc/net/tcp


def sockets_held(pid: int, port: int, state: str) -> set[str]:
    """The sockets (inodes) on local `port` in `state` that the process `pid` holds."""
    on_port = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state:
                on_port.add(fields[9])
    held = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in on_port:
            held.add(target[8:-1])
    return held


async def test_every_worker_takes_connections(settings: Settings, db: Database) -> None:
    api = ApiProcess(settings)
    api.workers = 2
    api.start()
    try:
        assert api.process is not None
        workers = workers_of(api.process.pid)
        assert len(workers) == 2
        # a listening socket each (uvicorn's --workers share one, and under load one
        # worker took 30 of 32 connections): the kernel shares connections out among them
        first, second = (sockets_held(pid, api.port, LISTEN) for pid in workers)
        assert len(first) == len(second) == 1 and first != second
        clients = [httpx.AsyncClient(base_url=api.url) for _ in range(CONNECTIONS)]
        try:
            answers = await asyncio.gather(*(client.post("/graphql", json=TYPENAME)
                                             for client in clients))
            assert all(answer.json()["data"] == {"__typename": "Query"} for answer in answers)
            held = [len(sockets_held(pid, api.port, ESTABLISHED)) for pid in workers]
            # spread by a hash: fewer than 12 of 64 on one of two sockets is a five-sigma event
            assert sum(held) == CONNECTIONS and min(held) >= 12, held
        finally:
            await asyncio.gather(*(client.aclose() for client in clients))
    finally:
        api.stop()


def test_a_worker_that_dies_is_started_again_and_all_stop_with_the_server(
        settings: Settings, db: Database) -> None:
    api = ApiProcess(settings)
    api.workers = 2
    api.start()
    try:
        assert api.process is not None
        first, second = workers_of(api.process.pid)
        os.kill(first, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            workers = workers_of(api.process.pid)
            if len(workers) == 2 and first not in workers:
                break
            time.sleep(0.2)
        assert second in workers and first not in workers and len(workers) == 2
        for _ in range(10):  # whichever worker answers, it answers
            assert httpx.post(f"{api.url}/graphql", json=TYPENAME).status_code == 200
        server = api.process.pid
    finally:
        api.stop()
    assert api.process.returncode == 0
    assert workers_of(server) == [] and not Path(f"/proc/{second}").exists()


def test_workers_stop_when_the_server_process_is_killed(settings: Settings,
                                                       db: Database) -> None:
    api = ApiProcess(settings)
    api.workers = 2
    api.start()
    assert api.process is not None
    workers = workers_of(api.process.pid)
    assert len(workers) == 2
    try:
        # SIGKILL gives the server no chance to stop its workers: they notice it is gone
        api.process.kill()
        api.process.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(alive(pid) for pid in workers):
            time.sleep(0.2)
        assert not any(alive(pid) for pid in workers)
        # nothing is left to take the port's connections with the old code
        try:
            httpx.post(f"{api.url}/graphql", json=TYPENAME, timeout=2)
        except httpx.ConnectError:
            pass
        else:
            raise AssertionError("a worker still answers on the port")
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    """Whether the process `pid` still runs (a zombie, gone but not reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
