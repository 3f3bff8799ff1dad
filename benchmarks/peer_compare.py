"""Our API side by side with the Neo4j GraphQL Library, and against hand-written Cypher.

    python -m benchmarks.peer_compare --reuse                  # 30 s per cell, c = 1, 8, 32
    python -m benchmarks.peer_compare --reuse --seconds 3 --questions profile nested

Starts the local `bench` Neo4j (with --reuse on the full-scale data an earlier
`benchmarks.scale` loaded, its pending migrations applied; without it, wiped and loaded at
--scale), our API as served in
production and the peer (`benchmarks/peer`, see `benchmarks.peer_servers`), chooses the
questions' subjects from the data (`benchmarks/cypher/peer_cast.cypher`), and checks that
ours, the peer and the floor (the Python driver running `benchmarks/cypher/peer_*.cypher`)
return the same data for every question. Then, for each question and concurrency, it loads the
three in turn, round by round (ROUND seconds each, the order rotating) until each had SECONDS,
after WARM_UP seconds of each unmeasured; the clients (`benchmarks.peer_load`, a process of
their own) share the machine's cores with the servers and Neo4j. The table (answers per second,
median and p99 latency, the ratios ours/peer and ours/floor) is printed and written into
`benchmarks/results.md` with the machine and the command.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx
import neo4j

from benchmarks import peer_servers
from benchmarks.peer_lists import QUESTIONS
from benchmarks.peer_question import CYPHER, Json, Question, plain
from benchmarks.peer_report import TARGETS, Cell, Row, machine, table, write
from localdb import instance

CAST = (CYPHER / "peer_cast.cypher").read_text()


def load(job: dict[str, Any]) -> dict[str, Any]:
    """Run one load job in a process of its own (`benchmarks.peer_load`); its figures."""
    finished = subprocess.run([sys.executable, "-m", "benchmarks.peer_load"],
                              input=json.dumps(job), capture_output=True, text=True,
                              check=False, cwd=peer_servers.ROOT)
    if finished.returncode != 0:
        raise RuntimeError(f"the load generator failed:\n{finished.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(finished.stdout)
    return result


class Targets:
    """How to ask each target a question: a load job, and one answer to check."""

    def __init__(self, ours: peer_servers.Server, peer: peer_servers.Server, uri: str,
                 password: str, cast: Json) -> None:
        self.urls = {"ours": ours.url, "peer": peer.url}
        self.uri, self.password, self.cast = uri, password, cast

    def job(self, target: str, question: Question, concurrency: int, seconds: float) -> Json:
        """The load generator's job for `target`."""
        timing = {"concurrency": concurrency, "seconds": seconds}
        if target == "floor":
            return {"target": "cypher", "uri": self.uri, "password": self.password,
                    "statement": question.floor_statement,
                    "parameters": question.floor_parameters(self.cast), **timing}
        query = question.ours_query if target == "ours" else question.peer_query
        variables = (question.ours_variables if target == "ours"
                     else question.peer_variables)(self.cast)
        return {"target": "http", "url": self.urls[target], **timing,
                "body": {"query": query, "variables": variables}}

    async def answers(self, question: Question, driver: neo4j.AsyncDriver) -> dict[str, Json]:
        """Each target's answer to `question`, in the floor's form."""
        found: dict[str, Json] = {}
        async with httpx.AsyncClient(timeout=60) as http:
            for target in ("ours", "peer"):
                body = self.job(target, question, 1, 0)["body"]
                answer = (await http.post(self.urls[target], json=body)).json()
                if answer.get("errors"):
                    raise SystemExit(f"{question.name}: {target} answered {answer['errors']}")
                read = question.ours if target == "ours" else question.peer
                found[target] = read(answer["data"])
        records, _, _ = await driver.execute_query(
            question.floor_statement, question.floor_parameters(self.cast),
            routing_=neo4j.RoutingControl.READ)
        found["floor"] = plain(records[0].data())
        return found


async def check(targets: Targets, questions: list[Question], driver: neo4j.AsyncDriver) -> None:
    """Stop unless ours, the peer and the floor return the same data for every question."""
    for question in questions:
        answers = await targets.answers(question, driver)
        texts = {target: json.dumps(answer, sort_keys=True) for target, answer in answers.items()}
        if len(set(texts.values())) != 1:
            for target, text in texts.items():
                print(f"--- {target}:\n{text[:3000]}", file=sys.stderr)
            raise SystemExit(f"{question.name}: the answers differ")
        print(f"  same data from all three: {question.name} ({len(texts['floor'])} bytes)")


def measure(targets: Targets, question: Question, concurrency: int, seconds: float,
            round_seconds: float) -> Row:
    """One question at one concurrency, the three targets taking turns."""
    cells = alternating(lambda target, share: targets.job(target, question, concurrency, share),
                        TARGETS, seconds, round_seconds)
    return Row(question.name, concurrency, cells)


def alternating(job: Callable[[str, float], Json], names: Sequence[str], seconds: float,
                round_seconds: float) -> dict[str, Cell]:
    """Rounds of each of `names` in turn (`job(name, seconds)` is its load job) until each
    had `seconds`, the first of a round rotating, so that all see the machine alike."""
    cells = {name: Cell() for name in names}
    rounds = max(1, math.ceil(seconds / round_seconds))
    for number in range(rounds):
        turn = number % len(names)
        for name in [*names[turn:], *names[:turn]]:
            done = load(job(name, seconds / rounds))
            cells[name].add(done["latencies"], done["seconds"], done["errors"])
    return cells


async def prepare(arguments: argparse.Namespace) -> tuple[str, str, Json, str]:
    """Start (and with no --reuse, load) the bench Neo4j; its URI, password, the chosen
    subjects and the Neo4j version."""
    server = instance("bench")
    if peer_servers.install_apoc(server.home / "plugins") or not arguments.reuse:
        server.stop()
    if not arguments.reuse:
        server.wipe()
    server.start()
    from app import migrations
    from app.db import connect
    from app.settings import get_settings
    from benchmarks.scale import load as load_data
    os.environ.update(NEO4J_URI=server.uri, NEO4J_PASSWORD=server.password())
    get_settings.cache_clear()
    async with connect(get_settings()) as db:
        if arguments.reuse:  # the data loaded earlier, brought up to the code's migrations
            await migrations.apply(db)
        else:
            await load_data(db, 42, arguments.scale)
    async with neo4j.AsyncGraphDatabase.driver(server.uri,
                                               auth=("neo4j", server.password())) as driver:
        records, _, _ = await driver.execute_query(CAST, routing_=neo4j.RoutingControl.READ)
        versions, _, _ = await driver.execute_query(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS version")
    return server.uri, server.password(), records[0].data(), versions[0]["version"]


def chosen(names: list[str] | None) -> list[Question]:
    """The questions whose names contain one of `names` (every question without)."""
    if not names:
        return QUESTIONS
    picked = [q for q in QUESTIONS if any(name.lower() in q.name.lower() for name in names)]
    if not picked:
        raise SystemExit(f"no question matches {names}; the questions: "
                         + "; ".join(q.name for q in QUESTIONS))
    return picked


async def checked(targets: Targets, questions: list[Question]) -> None:
    async with neo4j.AsyncGraphDatabase.driver(targets.uri,
                                               auth=("neo4j", targets.password)) as driver:
        await check(targets, questions, driver)


def run(arguments: argparse.Namespace) -> None:
    questions = chosen(arguments.questions)
    uri, password, cast, version = asyncio.run(prepare(arguments))
    described = machine(version, arguments.workers)
    print(f"Machine: {described}\nSubjects: {cast}")
    ours = peer_servers.ours(uri, password, instance("bench").jwt_secret(), arguments.workers)
    peer = peer_servers.peer(uri, password, arguments.workers)
    started = time.monotonic()
    try:
        ours.start()
        peer.start()
        targets = Targets(ours, peer, uri, password, cast)
        asyncio.run(checked(targets, questions))
        rows = []
        for question in questions:
            for target in TARGETS:
                load(targets.job(target, question, 8, arguments.warm_up))
            for concurrency in arguments.concurrency:
                row = measure(targets, question, concurrency, arguments.seconds,
                              arguments.round)
                rows.append(row)
                print(table([row]).splitlines()[-1], flush=True)
    finally:
        ours.stop()
        peer.stop()
        instance("bench").stop()
    report(arguments, described, rows, time.monotonic() - started)


def report(arguments: argparse.Namespace, described: str, rows: list[Row],
           elapsed: float) -> None:
    """Print the table and write it into benchmarks/results.md."""
    command = "python -m benchmarks.peer_compare " + " ".join(sys.argv[1:])
    short = [f"{row.question} at c={row.concurrency}: {', '.join(row.short_of_bar())}"
             for row in rows if row.short_of_bar()]
    section = "\n\n".join([
        f"## Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"`{command}` ({elapsed / 60:.0f} minutes). Machine: {described}. Each cell: "
        f"{arguments.seconds:g} s of each target in rounds of {arguments.round:g} s, the "
        f"targets taking turns, after {arguments.warm_up:g} s of each at c=8 unmeasured; "
        "latencies in ms. The load generator runs on the same cores as the servers and "
        "Neo4j. Conditions: " + arguments.conditions,
        table(rows),
        "Short of the bar: " + ("; ".join(short) if short else "nowhere") + ".",
    ])
    print("\n" + section)
    write(section, partial=len(chosen(arguments.questions)) < len(chosen(None)))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.peer_compare",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true",
                        help="use the data an earlier run loaded instead of wiping it")
    parser.add_argument("--scale", type=float, default=1.0, help="what to load without --reuse")
    parser.add_argument("--seconds", type=float, default=30.0,
                        help="measured seconds of each target per question and concurrency")
    parser.add_argument("--round", type=float, default=5.0,
                        help="seconds of one target before the next takes its turn")
    parser.add_argument("--warm-up", type=float, default=5.0,
                        help="unmeasured seconds of each target before each question")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes of each API (default: one per CPU)")
    parser.add_argument("--questions", nargs="+", metavar="NAME",
                        help="only the questions whose names contain one of these words")
    parser.add_argument("--conditions", default="quiet machine.",
                        help="what else ran on the machine, for the report")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
