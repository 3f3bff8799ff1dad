"""Throughput of one API process against two sharing one Neo4j, on loopback.

    python -m benchmarks.scale_out [--seconds 30] [--round 5] [--concurrency 16]
                                   [--questions NAME...]

On the full-scale data the `bench` instance holds (load it once with `python -m
benchmarks.scale` or `benchmarks.peer_compare`), it starts our API twice as production serves
it (benchmarks/peer_servers.py), as two uvicorn processes of one worker each on ports of their
own, as two replicas behind a load balancer would be. For each question of
`benchmarks.peer_compare` asked, the same load (`--concurrency` keep-alive clients, each
sending its next request when answered) goes in rounds to one of the processes alone, then to
both (the clients dealt to them in turn, as a round-robin balancer does), until each setup had
`--seconds`; it prints throughput and latency side by side. The clients, both processes and
Neo4j share the machine's CPUs.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from benchmarks import peer_servers
from benchmarks.peer_compare import alternating, chosen, load, prepare
from benchmarks.peer_report import Cell, machine
from localdb import instance

SETUPS = ("one process", "two processes")


def measure(urls: list[str], body: dict[str, Any], concurrency: int, seconds: float,
            round_seconds: float) -> dict[str, Cell]:
    """One process and both taking turns until each setup had `seconds`; their cells."""
    def job(setup: str, share: float) -> dict[str, Any]:
        return {"target": "http", "urls": urls[:1] if setup == SETUPS[0] else urls,
                "body": body, "concurrency": concurrency, "seconds": share}

    return alternating(job, SETUPS, seconds, round_seconds)


def run(arguments: argparse.Namespace) -> None:
    arguments.reuse = True
    questions = chosen(arguments.questions)
    uri, password, cast, version = asyncio.run(prepare(arguments))
    print(f"Machine: {machine(version, 1)}")
    secret = instance("bench").jwt_secret()
    servers = [peer_servers.ours(uri, password, secret, 1) for _ in range(2)]
    started = time.monotonic()
    lines = ["| question | clients | one process req/s | median ms | p99 ms "
             "| two processes req/s | median ms | p99 ms | two / one req/s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    try:
        for server in servers:
            server.start()
        urls = [server.url for server in servers]
        for question in questions:
            body = {"query": question.ours_query,
                    "variables": question.ours_variables(cast)}
            load({"target": "http", "urls": urls, "body": body,
                  "concurrency": arguments.concurrency, "seconds": arguments.warm_up})
            cells = measure(urls, body, arguments.concurrency, arguments.seconds,
                            arguments.round)
            one, two = cells[SETUPS[0]], cells[SETUPS[1]]
            lines.append(
                f"| {question.name} | {arguments.concurrency} | {one.throughput:.0f} "
                f"| {one.median:.1f} | {one.p99:.1f} | {two.throughput:.0f} "
                f"| {two.median:.1f} | {two.p99:.1f} "
                f"| {two.throughput / one.throughput:.2f} |")
            print(lines[-1], flush=True)
    finally:
        for server in servers:
            server.stop()
        instance("bench").stop()
    print(f"\n({(time.monotonic() - started) / 60:.0f} minutes)\n" + "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale_out",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0,
                        help="seconds of load per setup and question (default 30)")
    parser.add_argument("--round", type=float, default=5.0,
                        help="seconds of one setup before the other's turn (default 5)")
    parser.add_argument("--warm-up", type=float, default=5.0,
                        help="seconds of unmeasured load first (default 5)")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="clients sending requests at once (default 16)")
    parser.add_argument("--questions", nargs="*",
                        help="only the questions whose names contain one of these words")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
