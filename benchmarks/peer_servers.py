"""The two GraphQL servers `benchmarks.peer_compare` measures, each on a loopback port.

- Ours as the README's "Serving in production" serves it: `python -m app serve --workers`
  (uvicorn in each worker process, on a listening socket of its own; uvloop and httptools),
  `ENV=production`, the driver with `neo4j-rust-ext`.
  What would refuse or slow a benchmark that sends the same anonymous query thousands of times
  from one address is lifted: the rate limit (`RATE_LIMIT_*`), the node count limit (the
  three-level list of 100 asks for a million nodes), the request log line (`LOG_LEVEL=WARNING`;
  the peer writes none either).
- The peer: `benchmarks/peer/server.js`, the Neo4j GraphQL Library on Apollo Server, with the
  same number of processes (node:cluster), `NODE_ENV=production`; `npm ci` installs the
  versions of its `package-lock.json` the first time. The library needs APOC Core in Neo4j
  (it formats temporal values with `apoc.date.convertFormat`): `install_apoc` resolves it from
  Maven Central into the bench instance's plugins folder, which our API does not use.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.live_api import free_port

ROOT = Path(__file__).resolve().parent.parent
PEER = Path(__file__).resolve().parent / "peer"
START_SECONDS = 90.0
APOC_POM = PEER / "apoc-pom.xml"
# APOC's dependencies that Neo4j's own lib folder holds in a later version.
NEO4J_HAS = ("commons-lang3", "commons-text", "slf4j-api", "asm")

# Settings of ours that the benchmark changes, and why (see the module's docstring).
BENCHMARK_SETTINGS = {
    "ENV": "production",
    "LOG_LEVEL": "WARNING",
    "RATE_LIMIT_POINTS": str(10**12),
    "RATE_LIMIT_ANONYMOUS_POINTS": str(10**12),
    "MAX_QUERY_NODES": str(10**7),
    "WEBHOOK_DELIVERY": "false",
}


class Server:
    """A server process on a loopback port, started and stopped by the benchmark."""

    def __init__(self, name: str, command: list[str], cwd: Path, environment: dict[str, str],
                 path: str) -> None:
        self.name = name
        self.port = free_port()
        self.command = [part.replace("{port}", str(self.port)) for part in command]
        self.cwd = cwd
        self.environment = {key: value.replace("{port}", str(self.port))
                            for key, value in environment.items()}
        self.url = f"http://127.0.0.1:{self.port}{path}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the process (in a process group of its own) and wait until it answers."""
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.environment,
                                        start_new_session=True)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            try:
                answer = httpx.post(self.url, json={"query": "{ __typename }"}, timeout=2)
                if answer.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer within {START_SECONDS:.0f} s")

    def stop(self) -> None:
        """SIGTERM to the process group (uvicorn's and node's workers too), then wait."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def install_apoc(plugins: Path) -> bool:
    """Put APOC Core (`benchmarks/peer/apoc-pom.xml`) into `plugins` with Maven unless it is
    there; whether it was added (the server must then be restarted to load it)."""
    marker = plugins / ".apoc"
    if marker.exists() and marker.read_text() == APOC_POM.read_text():
        return False
    mvn = shutil.which("mvn")
    if mvn is None:
        raise RuntimeError("Maven (mvn) is needed to resolve APOC Core for the peer")
    plugins.mkdir(parents=True, exist_ok=True)
    subprocess.run([mvn, "-q", "-B", "-f", str(APOC_POM), "dependency:copy-dependencies",
                    "-DincludeScope=runtime", f"-DoutputDirectory={plugins}",
                    f"-DexcludeArtifactIds={','.join(NEO4J_HAS)}"], check=True)
    marker.write_text(APOC_POM.read_text())
    return True


def ours(neo4j_uri: str, password: str, jwt_secret: str, workers: int) -> Server:
    """Our API, served by uvicorn as in production."""
    environment = {**os.environ, "NEO4J_URI": neo4j_uri, "NEO4J_PASSWORD": password,
                   "JWT_SECRET": jwt_secret, **BENCHMARK_SETTINGS}
    command = [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", "{port}",
               "--workers", str(workers)]
    return Server("our API", command, ROOT, environment, "/graphql")


def peer(neo4j_uri: str, password: str, workers: int) -> Server:
    """The Neo4j GraphQL Library's server, installed from the lock file when needed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise RuntimeError("Node.js 20+ and npm are needed for the peer (benchmarks/peer)")
    if not (PEER / "node_modules").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)
    environment = {**os.environ, "NODE_ENV": "production", "NEO4J_URI": neo4j_uri,
                   "NEO4J_PASSWORD": password, "PEER_PORT": "{port}",
                   "PEER_WORKERS": str(workers)}
    return Server("the peer", [node, "server.js"], PEER, environment, "/")
