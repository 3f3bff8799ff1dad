"""Load the real platform's size into a fresh Neo4j and time front-end queries on it.

    python -m benchmarks.scale                 # scale 1, 200 runs per query
    python -m benchmarks.scale --scale 0.1 --runs 50
    python -m benchmarks.scale --reuse         # keep the loaded database, only query

Uses the local `bench` instance (its own folder and Bolt port 7689, wiped first unless
--reuse), applies the migrations, loads the generated graph with a progress bar, and prints
the load time, the nodes and relationships by label and type, and the median and p99 latency
of representative front-end queries: each sent to the API in this process (the ASGI app with
its real middleware, dataloaders and driver, without a network hop), one client at a time,
after a warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from app import ids, migrations
from app.context import Context
from app.db import Database, begin_stats, connect
from app.main import create_app
from app.settings import Settings, get_settings
from benchmarks.scenarios import SCENARIOS, VIEWER
from localdb import instance
from schema import schema
from seeds.__main__ import GENERATED, counts_table
from seeds.load import database_counts, seed
from seeds.progress import ProgressBar

# Every query is first sent this many times, all of them before any is timed: the JVM of a
# freshly started Neo4j compiles its hot paths and fills its page cache meanwhile, so that the
# figures describe a server in service, not one warming up.
WARM_UP = 100


@dataclass(frozen=True)
class Timing:
    """The latencies of one query, in milliseconds, and its Cypher round trips."""

    name: str
    runs: list[float]
    round_trips: int

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def p99(self) -> float:
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


Post = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


async def time_query(post: Post, name: str, query: str, variables: dict[str, Any],
                     runs: int) -> Timing:
    """Time `runs` sequential requests of one query."""
    body: dict[str, Any] = {}
    latencies = []
    for _ in range(runs):
        started = time.perf_counter()
        body = await post(query, variables)
        latencies.append((time.perf_counter() - started) * 1000)
    round_trips = body.get("extensions", {}).get("cypher", {}).get("roundTrips", 0)
    return Timing(name, latencies, round_trips)


def as_viewer(db: Database, settings: Settings, viewer_id: str) -> Post:
    """Sends queries as a signed-in person: there is no sign-in over HTTP yet, so these run on
    the schema in this process with that person as the viewer (HTTP parsing excluded)."""

    async def send(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        context = Context(db=db, settings=settings, stats=begin_stats(), viewer_id=viewer_id)
        result = await schema.execute(query, variable_values=variables, context_value=context)
        if result.errors:
            raise SystemExit(f"query failed: {result.errors}")
        return {"data": result.data, "extensions": result.extensions or {}}

    return send


def machine() -> str:
    """A one-line description of this machine."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
            f"{memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


async def load(db: Database, seed_value: int, scale: float) -> float:
    """Migrate and load the generated graph; the seconds the load took."""
    await migrations.apply(db)
    started = time.perf_counter()
    await seed(db, seed_value, scale, ProgressBar(), name=GENERATED)
    return time.perf_counter() - started


async def run(scale: float, runs: int, seed_value: int, reuse: bool) -> None:
    server = instance("bench")
    if not reuse:
        server.stop()
        server.wipe()
    server.start()
    os.environ.update(NEO4J_URI=server.uri, NEO4J_PASSWORD=server.password(), ENV="development")
    get_settings.cache_clear()
    # One client sends every run from one address: the hourly rate limit would stop it.
    settings = get_settings().model_copy(update={"rate_limit_points": 10**9,
                                                 "rate_limit_anonymous_points": 10**9})
    print(f"Machine: {machine()}")
    async with connect(settings) as db:
        seconds = await load(db, seed_value, scale)
        print(f"Loaded scale {scale} (seed {seed_value}) in {seconds:.1f} s")
        labels, types = await database_counts(db)
        print(counts_table("Nodes by label", labels))
        print(counts_table("Relationships by type", types))
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            async def post(query: str, variables: dict[str, Any]) -> dict[str, Any]:
                response = await http.post("/graphql",
                                           json={"query": query, "variables": variables})
                body: dict[str, Any] = response.json()
                if response.status_code != 200 or body.get("errors"):
                    raise SystemExit(f"query failed: {body}")
                return body

            prepared = []
            for scenario in SCENARIOS:
                variables = await scenario.variables(post)
                viewer = variables.pop(VIEWER, None)
                send = post if viewer is None else as_viewer(application.state.db, settings,
                                                             ids.parse(viewer)[1])
                prepared.append((scenario, send, variables))
            for scenario, send, variables in prepared:
                for _ in range(WARM_UP):
                    await send(scenario.query, variables)
            print(f"\n{runs} runs per query after {WARM_UP} warm-up runs of each, one client:\n")
            print("| query | median ms | p99 ms | Cypher round trips |")
            print("|---|---:|---:|---:|")
            for scenario, send, variables in prepared:
                timing = await time_query(send, scenario.name, scenario.query, variables, runs)
                print(f"| {timing.name} | {timing.median:.1f} | {timing.p99:.1f} "
                      f"| {timing.round_trips} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--reuse", action="store_true",
                        help="query the data loaded by an earlier run instead of wiping it")
    args = parser.parse_args()
    try:
        asyncio.run(run(args.scale, args.runs, args.seed, args.reuse))
    finally:
        instance("bench").stop()  # its data stays for --reuse


if __name__ == "__main__":
    main()
