"""Many subscribers on one API process: how long an event takes from its commit to each of them.

    python -m benchmarks.subscribers --reuse              # on the data `benchmarks.scale` loaded
    python -m benchmarks.subscribers --scale 0.02         # on a fresh, small database

Starts the local `bench` Neo4j (loading the generated graph unless --reuse), one API process
(uvicorn, as `make run` serves it) on loopback, and SUBSCRIBERS WebSocket clients in this
process, each a different person signed in with their own token and subscribed to the
activity of the busiest OPEN community (`communityActivity`, so the hub asks Neo4j, for every
event, which of a thousand people may see it). A writer then starts EVENTS discussions there,
one every INTERVAL seconds, over HTTP. For every (event, subscriber) it records the time from
the event's commit (its `at`, taken in the writing transaction: the figure is an upper bound)
to the moment the client read it (after WARM_UP_EVENTS unmeasured ones), and it checks that
every subscriber received every event, once and in order. Also reported: the API process's
resident memory before and after the subscribers connected, per subscriber. The clients share
this process's CPU with nothing else, but the machine's two cores with Neo4j and the API: their
own lag is in the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import time
from datetime import datetime
from pathlib import Path

from app import ids
from app.db import connect
from app.settings import get_settings
from benchmarks.scale import load, machine
from localdb import instance
from tests.accounts_api import bearer_token
from tests.live_api import ApiProcess, subscriber

# Events sent first and not timed: Neo4j plans the hub's statements, the JVM and Python warm.
WARM_UP_EVENTS = 5
# Subscribers arrive a few at a time, as people open a page, not all in the same millisecond.
CONNECTING_AT_ONCE = 20
CAST = (Path(__file__).parent / "cypher" / "subscribers_cast.cypher").read_text()
ACTIVITY = "subscription($community: ID!) { communityActivity(community: $community) { seq at } }"
CREATE_DISCUSSION = """
mutation($community: ID!, $title: String!) {
  createDiscussion(input: {community: $community, title: $title, body: "Benchmark"}) {
    userErrors { code }
  }
}"""


def resident_kib(pid: int) -> int:
    """The resident memory of process `pid`, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def run(subscribers: int, events: int, interval: float, scale: float,
              reuse: bool) -> None:
    server = instance("bench")
    if not reuse:
        server.stop()
        server.wipe()
    server.start()
    os.environ.update(NEO4J_URI=server.uri, NEO4J_PASSWORD=server.password())
    get_settings.cache_clear()
    settings = get_settings()
    print(f"Machine: {machine()}")
    async with connect(settings) as db:
        await load(db, 42, scale)
        [cast] = await db.read(CAST, {"subscribers": subscribers})
        people: list[str] = cast["people"]
        tokens = [await bearer_token(db, settings, person) for person in people]
        author = await bearer_token(db, settings, cast["author"])
    community = ids.encode("Community", cast["community"])
    api = ApiProcess(settings, ENV="production", LOG_LEVEL="WARNING",
                     SUBSCRIPTION_CHECK_SECONDS="5")
    api.start()
    try:
        assert api.process is not None
        await asyncio.sleep(2)
        before = resident_kib(api.process.pid)
        received: list[list[tuple[int, float]]] = [[] for _ in people]
        connected = asyncio.Event()
        ready = 0

        arriving = asyncio.Semaphore(CONNECTING_AT_ONCE)

        async def listen(index: int) -> None:
            nonlocal ready
            await arriving.acquire()
            async with subscriber(api, tokens[index]) as client:
                await client.subscribe(ACTIVITY, community=community)
                arriving.release()
                ready += 1
                if ready == len(people):
                    connected.set()
                for number in range(WARM_UP_EVENTS + events):
                    message = await client.receive(120)
                    arrived = time.time()
                    event = message["payload"]["data"]["communityActivity"]
                    at = datetime.fromisoformat(event["at"]).timestamp()
                    if number >= WARM_UP_EVENTS:
                        received[index].append((int(event["seq"]), (arrived - at) * 1000))

        listeners = [asyncio.create_task(listen(index)) for index in range(len(people))]
        await asyncio.wait_for(connected.wait(), 300)
        await asyncio.sleep(3)  # every subscription has joined the hub
        # the load generator's own full collections would delay its receipts: its connections
        # are frozen out of them (the API does the same for itself, app.memory)
        gc.collect()
        gc.freeze()
        after = resident_kib(api.process.pid)
        for number in range(WARM_UP_EVENTS + events):
            body = await api.post(CREATE_DISCUSSION, author, community=community,
                                  title=f"Benchmark {number}")
            assert body["data"]["createDiscussion"]["userErrors"] == [], body
            await asyncio.sleep(interval)
        await asyncio.wait_for(asyncio.gather(*listeners), 300)
    finally:
        api.stop()
        server.stop()
    sequences = {tuple(seq for seq, _ in got) for got in received}
    assert len(sequences) == 1, "subscribers received different events"
    [seqs] = sequences
    assert list(seqs) == sorted(set(seqs)) and len(seqs) == events, "out of order or missing"
    latencies = [latency for got in received for _, latency in got]
    per_event = list(zip(*[[latency for _, latency in got] for got in received], strict=True))
    print(f"{len(people)} subscribers × {events} events (one every {interval:g} s, after "
          f"{WARM_UP_EVENTS} unmeasured): {len(latencies)} deliveries, every one received once "
          f"and in order")
    print("first and last delivery of each event (ms): " + ", ".join(
        f"{min(event):.0f}/{max(event):.0f}" for event in per_event))
    print("| commit → receipt | median ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|")
    print(f"| {len(people)} subscribers | {statistics.median(latencies):.1f} "
          f"| {percentile(latencies, 0.99):.1f} | {max(latencies):.1f} |")
    print(f"API process memory: {before / 1024:.1f} MiB before, {after / 1024:.1f} MiB with "
          f"the subscribers: {(after - before) / len(people):.1f} KiB per subscriber")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.subscribers",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--reuse", action="store_true",
                        help="use the data loaded by an earlier run instead of wiping it")
    args = parser.parse_args()
    asyncio.run(run(args.subscribers, args.events, args.interval, args.scale, args.reuse))


if __name__ == "__main__":
    main()
