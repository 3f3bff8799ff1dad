"""The load generator of `benchmarks.peer_compare`, run as a process of its own.

    python -m benchmarks.peer_load < job.json > latencies.json

It reads one job from standard input: `{"target": "http", "url", "body", "concurrency",
"seconds"}` (a GraphQL server: the same POST body sent over `concurrency` keep-alive
connections; with `"urls"` instead of `"url"`, several servers, the connections dealt to them
in turn) or `{"target": "cypher", "uri", "password", "statement", "parameters",
"concurrency", "seconds"}` (Neo4j through the Python driver, no GraphQL). Each of the
`concurrency` clients sends its next request as soon as the previous one is answered, for
`seconds` after every connection is open; then it prints `{"latencies": [ms, ...], "errors":
n, "seconds": s}`. An answer that is not HTTP 200 or that holds `"errors"` counts as an error.

HTTP is spoken by hand over asyncio streams (a request line, three headers, the body; the
answer's Content-Length or chunks): a general-purpose client would spend more CPU per request
than the servers it measures, on the same two cores.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import neo4j

Send = Callable[[], Awaitable[bool]]


class HttpConnection:
    """One keep-alive HTTP/1.1 connection that POSTs the same JSON body again and again."""

    def __init__(self, url: str, body: bytes) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.request = (f"POST {parts.path or '/'} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                        ).encode() + body
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def send(self) -> bool:
        """Send the request and read the whole answer; whether it succeeded."""
        assert self.reader is not None and self.writer is not None
        self.writer.write(self.request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        headers = head.lower()
        if b"transfer-encoding: chunked" in headers:
            payload = await self._chunks()
        else:
            start = headers.index(b"content-length:") + len(b"content-length:")
            length = int(headers[start:headers.index(b"\r\n", start)])
            payload = await self.reader.readexactly(length)
        return status == 200 and b'"errors"' not in payload

    async def _chunks(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await self.reader.readexactly(size + 2))
            if size == 0:
                return b"".join(parts)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def drive(sends: list[Send], seconds: float) -> dict[str, Any]:
    """Run each client in a closed loop for `seconds`; the latencies of the answers."""
    latencies: list[float] = []
    errors = 0
    started = time.perf_counter()
    deadline = started + seconds

    async def client(send: Send) -> None:
        nonlocal errors
        while (now := time.perf_counter()) < deadline:
            ok = await send()
            latencies.append((time.perf_counter() - now) * 1000)
            errors += not ok

    await asyncio.gather(*(client(send) for send in sends))
    return {"latencies": latencies, "errors": errors,
            "seconds": time.perf_counter() - started}


async def http_job(job: dict[str, Any]) -> dict[str, Any]:
    """Load a GraphQL server over HTTP."""
    body = json.dumps(job["body"]).encode()
    urls = job.get("urls") or [job["url"]]  # several servers: connections dealt in turn
    connections = [HttpConnection(urls[number % len(urls)], body)
                   for number in range(job["concurrency"])]
    await asyncio.gather(*(connection.open() for connection in connections))
    try:
        return await drive([connection.send for connection in connections], job["seconds"])
    finally:
        await asyncio.gather(*(connection.close() for connection in connections))


async def cypher_job(job: dict[str, Any]) -> dict[str, Any]:
    """Load Neo4j with one statement through the async driver, each read an auto-commit
    transaction (one round trip, as the API's reads are)."""
    driver = neo4j.AsyncGraphDatabase.driver(job["uri"], auth=("neo4j", job["password"]),
                                             max_connection_pool_size=job["concurrency"])
    statement, parameters = job["statement"], job["parameters"]

    async def send() -> bool:
        async with driver.session(database="neo4j",
                                  default_access_mode=neo4j.READ_ACCESS) as session:
            result = await session.run(statement, parameters)
            await result.data()
        return True

    try:
        await asyncio.gather(*(send() for _ in range(job["concurrency"])))  # open the pool
        return await drive([send] * job["concurrency"], job["seconds"])
    finally:
        await driver.close()


def main() -> None:
    job = json.load(sys.stdin)
    runner = http_job if job["target"] == "http" else cypher_job
    json.dump(asyncio.run(runner(job)), sys.stdout)


if __name__ == "__main__":
    main()
