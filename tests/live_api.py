"""The API as users run it: uvicorn processes on loopback, and a graphql-transport-ws client.

`live_api` starts one API process for the test session (on the test Neo4j, signing tokens with
the session's secret, so `tests.accounts_api.bearer_token` works against it); a test that needs
processes of its own (restarts, several replicas) makes them with `ApiProcess` directly.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from websockets.asyncio.client import ClientConnection

from app.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 60.0
RECEIVE_SECONDS = 20.0


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ApiProcess:
    """One API process (uvicorn, or with `workers` set the README's production serving) on a
    loopback port; its standard error (the log) goes to the file `log` when one is set before
    it starts."""

    def __init__(self, settings: Settings, **environment: str) -> None:
        self.port = free_port()
        # set before `start`: served by `python -m app serve` (app/serving.py) with this many
        # workers, instead of by uvicorn
        self.workers: int | None = None
        self.log: Path | None = None
        self.environment = {
            **os.environ, "ENV": "test", "NEO4J_URI": settings.neo4j_uri or "",
            "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
            "JWT_SECRET": settings.signing_key, "DOCUMENTS_PATH": str(settings.documents_path),
            "QUERY_TIMEOUT": str(settings.query_timeout),
            "REQUEST_TIMEOUT": str(settings.request_timeout), "SUBSCRIPTION_CHECK_SECONDS": "0.5",
            "WEBHOOK_DELIVERY": str(settings.webhook_delivery).lower(),
            # every test asks from one address: budgets as large as the session's
            "RATE_LIMIT_POINTS": str(settings.rate_limit_points),
            "RATE_LIMIT_ANONYMOUS_POINTS": str(settings.rate_limit_anonymous_points),
            "LOG_LEVEL": "WARNING", **environment}
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    def logged(self) -> str:
        """What the process has logged so far (given a `log` file)."""
        assert self.log is not None
        return self.log.read_text(errors="replace")

    def start(self) -> None:
        """Start the process and wait until it answers /readyz."""
        log = self.log.open("ab") if self.log is not None else None
        try:  # the process writes to its own copy of the file
            command = ([sys.executable, "-m", "app", "serve", "--host", "127.0.0.1",
                        "--port", str(self.port), "--workers", str(self.workers)]
                       if self.workers else
                       [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1",
                        "--port", str(self.port), "--ws-max-size", "65536",
                        "--ws-per-message-deflate", "false", "--no-access-log"])
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.environment,
                                            stderr=log)
        finally:
            if log is not None:
                log.close()
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the API exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        # never left running: it would keep asking a later test Neo4j with its password
        self.stop()
        raise RuntimeError("the API did not become ready")

    def stop(self) -> None:
        """Stop the process as an operator would (SIGTERM), and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    async def post(self, query: str, token: str | None = None,
                   **variables: Any) -> dict[str, Any]:
        """The response body of a GraphQL operation sent over HTTP."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        async with httpx.AsyncClient(base_url=self.url, timeout=60) as http:
            response = await http.post("/graphql", headers=headers,
                                       json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, token: str | None = None, **variables: Any) -> Any:
        """The `data` of an operation that must have no errors."""
        body = await self.post(query, token, **variables)
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture(scope="session")
def live_api(settings: Settings, db: Any) -> Iterator[ApiProcess]:
    """One API process on the test database for the session (`db` has migrated and seeded
    it)."""
    api = ApiProcess(settings)
    api.start()
    try:
        yield api
    finally:
        api.stop()


class Subscriber:
    """A graphql-transport-ws connection, signed in with `token` (anonymous without)."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.next_id = 0

    async def subscribe(self, query: str, **variables: Any) -> str:
        """Start a subscription; its operation id."""
        self.next_id += 1
        operation = str(self.next_id)
        await self.connection.send(json.dumps({"id": operation, "type": "subscribe",
                                               "payload": {"query": query,
                                                           "variables": variables}}))
        return operation

    async def receive(self, seconds: float = RECEIVE_SECONDS) -> dict[str, Any]:
        """The next message (pings answered on the way)."""
        async with asyncio.timeout(seconds):
            while True:
                message: dict[str, Any] = json.loads(await self.connection.recv())
                if message["type"] == "ping":
                    await self.connection.send(json.dumps({"type": "pong"}))
                    continue
                return message

    async def events(self, count: int, seconds: float = RECEIVE_SECONDS) -> list[Any]:
        """The payload data of the next `count` `next` messages (errors fail the test)."""
        found: list[Any] = []
        while len(found) < count:
            message = await self.receive(seconds)
            assert message["type"] == "next", message
            assert "errors" not in message["payload"], message["payload"]
            found.append(message["payload"]["data"])
        return found

    async def nothing_for(self, seconds: float) -> None:
        """Assert that no message arrives for `seconds`."""
        try:
            message = await self.receive(seconds)
        except TimeoutError:
            return
        raise AssertionError(f"expected nothing, received {message}")

    async def closed(self, seconds: float = RECEIVE_SECONDS) -> int | None:
        """Wait until the server closes the connection; its close code."""
        async with asyncio.timeout(seconds):
            try:
                while True:
                    await self.connection.recv()
            except websockets.ConnectionClosed as closed:
                return closed.rcvd.code if closed.rcvd else None


@asynccontextmanager
async def subscriber(api: ApiProcess, token: str | None = None,
                     acknowledged: bool = True) -> AsyncIterator[Subscriber]:
    """A connection to `api` that has sent `connection_init` (and, when `acknowledged`, was
    acknowledged)."""
    async with websockets.connect(api.ws_url, subprotocols=[
            websockets.Subprotocol("graphql-transport-ws")], max_size=None) as connection:
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await connection.send(json.dumps({"type": "connection_init", "payload": payload}))
        client = Subscriber(connection)
        if acknowledged:
            ack = await client.receive()
            assert ack["type"] == "connection_ack", ack
        yield client
