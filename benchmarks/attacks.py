"""How long each classic GraphQL attack takes to be refused, through the HTTP app in process.

    python -m benchmarks.attacks [--runs 50]

Sends every attack of tests/attack_queries.py RUNS times to the ASGI application (httpx's
ASGI transport: the whole HTTP path, body reading, context, parsing, measuring, answering) and
prints the median and p99 time of the refusal, beside a plain `{ __typename }` for scale. No
refusal reaches Neo4j, so none is needed: the application is given an address where nothing
listens. The last column is what graphql-core alone would have spent parsing and validating
the document without the limits (once; "-" when the document cannot even be parsed), the
work the refusal spares before any execution.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import time
from typing import Any

import httpx
from graphql import parse, validate

from app.main import create_app
from app.settings import Settings
from schema import schema
from tests.attack_queries import ATTACKS, Attack

BASELINE = Attack("baseline: { __typename }", {"query": "{ __typename }"}, 200, "")


async def _time(http: httpx.AsyncClient, attack: Attack, runs: int) -> list[float]:
    timings = []
    content = json.dumps(attack.body).encode()
    for _ in range(runs):
        started = time.perf_counter()
        response = await http.post("/graphql", content=content,
                                   headers={"content-type": "application/json"})
        timings.append(time.perf_counter() - started)
        errors = response.json().get("errors") or [{"extensions": {"code": ""}}]
        if response.status_code != attack.status or errors[0]["extensions"]["code"] != attack.code:
            raise SystemExit(f"{attack.name}: answered {response.status_code} {errors}")
    return timings


def _unguarded(attack: Attack) -> str:
    """Parsing and validating the attack's document without any limit, in milliseconds."""
    if not isinstance(attack.body, dict):
        return "-"
    started = time.perf_counter()
    try:
        validate(schema._schema, parse(attack.body["query"]))
    except Exception:  # too deep to parse: the parser itself gives up
        return "-"
    return f"{(time.perf_counter() - started) * 1000:.1f}"


async def main(runs: int) -> None:
    logging.disable(logging.CRITICAL)  # see the module docstring
    settings = Settings(neo4j_uri="bolt://127.0.0.1:9", webhook_delivery=False,
                        event_poll_seconds=60, rate_limit_anonymous_points=10**9)
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            print("| attack | answer | median ms | p99 ms | unguarded parse+validate ms |")
            print("|---|---|---:|---:|---:|")
            for attack in [BASELINE, *ATTACKS]:
                await _time(http, attack, 3)  # warm
                timings = sorted(await _time(http, attack, runs))
                p99 = timings[min(len(timings) - 1, round(len(timings) * 0.99))]
                answer = f"{attack.status} {attack.code}".strip()
                print(f"| {attack.name} | {answer} | {statistics.median(timings) * 1000:.2f} "
                      f"| {p99 * 1000:.2f} | {_unguarded(attack)} |")


def _arguments() -> Any:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(_arguments().runs))
