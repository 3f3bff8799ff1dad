"""Where our API spends its time on one question of `benchmarks.peer_compare`, under load.

    python -m benchmarks.peer_profile --question "100 each" [--concurrency 8] [--seconds 20]

Starts the `bench` Neo4j (on the data already loaded), our API as `peer_compare` serves it,
and its load generator on the question; meanwhile `py-spy` samples every worker. Prints the
functions with the most samples, on their own (self) and with what they call (total), as
shares of all samples, and keeps py-spy's collapsed stacks (`--output`, by default in
`.local/`, for a flame graph).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from benchmarks import peer_servers
from benchmarks.peer_compare import Targets, chosen, load, prepare
from localdb import instance


def workers_of(server: peer_servers.Server) -> list[int]:
    """The pids of the uvicorn worker processes (the children of its supervisor)."""
    assert server.process is not None
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    pids = [int(pid) for pid in children.read_text().split()]
    return [pid for pid in pids
            if "multiprocessing.resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_text()]


def summary(stacks: Path, top: int) -> str:
    """The functions with the most samples in py-spy's collapsed stacks."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    samples = 0
    for line in stacks.read_text().splitlines():
        frames_text, _, count_text = line.rpartition(" ")
        count = int(count_text)
        frames = frames_text.split(";")
        samples += count
        own[frames[-1]] += count
        for frame in set(frames):
            total[frame] += count
    lines = [f"{samples} samples", "", "self:"]
    lines += [f"  {100 * n / samples:5.1f}%  {frame}" for frame, n in own.most_common(top)]
    lines += ["", "total (with callees):"]
    lines += [f"  {100 * n / samples:5.1f}%  {frame}" for frame, n in total.most_common(top)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.peer_profile",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--question", required=True, help="a word of the question's name")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--output", type=Path,
                        default=peer_servers.ROOT / ".local" / "peer-profile.txt")
    arguments = parser.parse_args()
    # the virtual environment's own, when it is not on PATH
    py_spy = shutil.which("py-spy", path=f"{Path(sys.executable).parent}{os.pathsep}"
                                         f"{os.environ.get('PATH', '')}")
    if py_spy is None:
        raise SystemExit("py-spy is not installed (pip install -e '.[dev]')")
    [question] = chosen([arguments.question])[:1]
    arguments.reuse, arguments.scale = True, 1.0
    uri, password, cast, _ = asyncio.run(prepare(arguments))
    ours = peer_servers.ours(uri, password, instance("bench").jwt_secret(), arguments.workers)
    try:
        ours.start()
        targets = Targets(ours, ours, uri, password, cast)
        load(targets.job("ours", question, arguments.concurrency, 5))  # warm-up
        loading = threading.Thread(target=load, args=(
            targets.job("ours", question, arguments.concurrency, arguments.seconds + 2),))
        loading.start()
        files = []
        recorders = []
        for pid in workers_of(ours):
            files.append(arguments.output.with_suffix(f".{pid}.txt"))
            recorders.append(subprocess.Popen(
                [py_spy, "record", "--pid", str(pid), "--duration", str(int(arguments.seconds)),
                 "--format", "raw", "--output", str(files[-1]), "--nonblocking"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for recorder in recorders:
            recorder.wait()
        loading.join()
    finally:
        ours.stop()
        instance("bench").stop()
    arguments.output.write_text("".join(file.read_text() for file in files if file.exists()))
    print(f"{question.name}, c={arguments.concurrency}, {len(files)} workers:\n")
    print(summary(arguments.output, arguments.top))


if __name__ == "__main__":
    main()
