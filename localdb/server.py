"""A local Neo4j Community server resolved from Maven Central and run from its own entry point.

The server's jars come from `localdb/pom.xml` through Maven (`dependency:copy-dependencies`) into
`.local/neo4j-<version>/lib`, once. Each instance (``dev`` for ``make run``, ``test`` for
``make test``) has its own folder under `.local/` with a generated `neo4j.conf`, its data, its logs,
a generated password and the pid of the running server, so two instances run side by side.

This module uses the standard library only: it must work before anything else is installed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POM = Path(__file__).resolve().parent / "pom.xml"
LOCAL_ROOT = PROJECT_ROOT / ".local"
USER = "neo4j"

# JVM options of Neo4j's own launcher that matter for a server (module access for Netty and the
# page cache, predictable GC); the heap comes from the instance settings.
JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


class LocalNeo4jError(RuntimeError):
    """The local server could not be installed, started or stopped; the message says why."""


def neo4j_version() -> str:
    """The Neo4j version pinned in `localdb/pom.xml`."""
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ElementTree.parse(POM).getroot()  # noqa: S314 - our own pom.xml
    node = root.find("m:properties/m:neo4j.version", namespace)
    if node is None or not node.text:
        raise LocalNeo4jError(f"{POM} does not set <neo4j.version>")
    return node.text.strip()


def install() -> Path:
    """Resolve the server's jars with Maven once and return the folder that holds them."""
    lib = LOCAL_ROOT / f"neo4j-{neo4j_version()}" / "lib"
    marker = lib.parent / ".complete"
    if marker.exists():
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalNeo4jError("Maven (mvn) is not on PATH: it resolves Neo4j from Maven Central")
    if lib.exists():
        shutil.rmtree(lib)
    print(f"Resolving Neo4j {neo4j_version()} from Maven Central into {lib} ...", flush=True)
    command = [
        mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
        f"-DoutputDirectory={lib}", "-DincludeScope=runtime",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise LocalNeo4jError(
            "Maven could not resolve Neo4j:\n" + (result.stdout + result.stderr)[-4000:]
        )
    marker.write_text(neo4j_version() + "\n")
    return lib


@dataclass(frozen=True)
class Instance:
    """One local server: its folder, Bolt port and memory."""

    name: str
    bolt_port: int
    heap: str = "1g"
    page_cache: str = "1g"

    @property
    def home(self) -> Path:
        return LOCAL_ROOT / f"neo4j-{self.name}"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    def password(self) -> str:
        """The instance's generated password, created on first use."""
        if not self.password_file.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            # hex digits only: a password starting with "-" would read as an option to neo4j-admin
            self.password_file.write_text(secrets.token_hex(24))
            self.password_file.chmod(0o600)
        return self.password_file.read_text().strip()

    @property
    def jwt_secret_file(self) -> Path:
        return self.home / "jwt-secret"

    def jwt_secret(self) -> str:
        """The key that signs the API's access tokens for this instance's data, created on first
        use, so that sign-ins outlive a restart of the API."""
        if not self.jwt_secret_file.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            self.jwt_secret_file.write_text(secrets.token_urlsafe(48))
            self.jwt_secret_file.chmod(0o600)
        return self.jwt_secret_file.read_text().strip()

    def pid(self) -> int | None:
        """The pid of this instance's running server, or None."""
        return running_pid(self.pid_file, self.home)

    def is_running(self) -> bool:
        return self.pid() is not None

    def wipe(self) -> None:
        """Delete the data of a stopped instance (a fresh database on the next start)."""
        if self.is_running():
            raise LocalNeo4jError(f"instance {self.name} is running; stop it before wiping it")
        for folder in ("data", "logs"):
            shutil.rmtree(self.home / folder, ignore_errors=True)

    def _write_config(self) -> Path:
        conf_dir = self.home / "conf"
        conf_dir.mkdir(parents=True, exist_ok=True)
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.bolt_port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "dbms.usage_report.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "server.memory.heap.initial_size": self.heap,
            "server.memory.heap.max_size": self.heap,
            "server.memory.pagecache.size": self.page_cache,
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.plugins": str(self.home / "plugins"),
            "server.directories.import": str(self.home / "import"),
            "db.logs.query.enabled": "OFF",
            # Bolt otherwise waits 5 s for its thread pool and 5 s for idle connections on stop.
            "internal.server.bolt.thread_pool_shutdown_wait_time": "1s",
            "internal.server.bolt.connection_shutdown_wait_time": "1s",
        }
        text = "# Generated by localdb on every start; edit localdb/server.py instead.\n"
        text += "".join(f"{key}={value}\n" for key, value in settings.items())
        (conf_dir / "neo4j.conf").write_text(text)
        return conf_dir

    def _java(self) -> str:
        java_home = os.environ.get("JAVA_HOME")
        java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
        if not java or not Path(java).exists():
            raise LocalNeo4jError("Java 17 or 21 is needed to run Neo4j: no `java` found")
        return java

    def _set_initial_password(self, classpath: str, conf_dir: Path) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return
        environment = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(conf_dir)}
        command = [
            self._java(), "-cp", classpath, "org.neo4j.cli.AdminTool",
            "dbms", "set-initial-password", self.password(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=environment)
        if result.returncode != 0:
            raise LocalNeo4jError("setting the initial password failed:\n" + result.stderr[-2000:])

    def start(self, timeout: float = 120.0) -> bool:
        """Start the server unless it already runs; wait until Bolt answers.

        Returns True when this call started it, False when it was already running.
        """
        if self.is_running():
            wait_for_port(self.bolt_port, timeout)
            return False
        if port_is_open(self.bolt_port):
            raise LocalNeo4jError(
                f"port {self.bolt_port} is taken by another process; "
                f"set {variable_prefix(self.name)}BOLT_PORT to a free port"
            )
        lib = install()
        conf_dir = self._write_config()
        classpath = f"{lib}/*"
        self._set_initial_password(classpath, conf_dir)
        # Neo4j's own launcher puts the plugins on the classpath too: extensions (APOC's
        # configuration, which the peer of benchmarks/peer_compare.py needs) load only from it.
        classpath += f"{os.pathsep}{self.home / 'plugins'}/*"
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        log_offset = self.log_file.stat().st_size if self.log_file.exists() else 0
        command = [
            self._java(), f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_OPTIONS,
            "-cp", classpath, "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}", f"--config-dir={conf_dir}",
        ]
        console = open(self.home / "logs" / "console.log", "ab")  # noqa: SIM115 - owned by child
        process = subprocess.Popen(
            command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=self.home,
        )
        console.close()
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise LocalNeo4jError(
                    f"Neo4j exited with status {process.returncode} while starting.\n"
                    + self.log_tail()
                )
            if port_is_open(self.bolt_port) and "Started." in self._log_since(log_offset):
                return True
            time.sleep(0.2)
        self.stop()
        raise LocalNeo4jError(
            f"Neo4j did not answer on Bolt port {self.bolt_port} within {timeout:.0f}s.\n"
            + self.log_tail()
        )

    def stop(self, timeout: float = 60.0) -> None:
        """Stop the server cleanly (SIGTERM, then SIGKILL after `timeout` seconds)."""
        pid = self.pid()
        if pid is not None:
            terminate(pid, timeout)
        self.pid_file.unlink(missing_ok=True)

    def crash(self) -> None:
        """End the server at once (SIGKILL), as a power cut would: nothing is flushed or
        closed, so the next start recovers from the transaction logs."""
        pid = self.pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.05)
        self.pid_file.unlink(missing_ok=True)

    def _log_since(self, offset: int) -> str:
        try:
            with open(self.log_file, "rb") as log:
                log.seek(offset)
                return log.read().decode(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the Neo4j log and console output, for error messages."""
        parts = []
        for path in (self.log_file, self.home / "logs" / "console.log"):
            if path.exists():
                tail = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- {path} ---\n" + "\n".join(tail))
        return "\n".join(parts) or "(Neo4j wrote no log)"


def running_pid(pid_file: Path, home: Path) -> int | None:
    """The pid kept in `pid_file` if that process still runs with `home` on its command line
    (a pid left by a server that died may since belong to an unrelated process)."""
    try:
        pid = int(pid_file.read_text())
    except (OSError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return pid if str(home).encode() in cmdline else None


def terminate(pid: int, timeout: float) -> None:
    """Stop a process cleanly (SIGTERM, then SIGKILL after `timeout` seconds) and wait for it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie child (ours, not yet reaped) has exited for every purpose here.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    if state == "Z":
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        return False
    return True


def port_is_open(port: int, host: str = "127.0.0.1") -> bool:
    """Whether something accepts TCP connections on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def wait_for_port(port: int, timeout: float) -> None:
    """Wait until host:port accepts connections or raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not port_is_open(port):
        if time.monotonic() > deadline:
            raise LocalNeo4jError(f"nothing answers on 127.0.0.1:{port}")
        time.sleep(0.2)


# Bolt port, heap and page cache of each local instance.
INSTANCES = {"dev": (7687, "2g", "2g"), "test": (7688, "1g", "512m"), "bench": (7689, "3g", "3g"),
             "empty": (7686, "512m", "128m")}


def variable_prefix(name: str) -> str:
    """The prefix of the environment variables that set an instance's port and memory."""
    return "LOCAL_NEO4J_" if name == "dev" else f"LOCAL_NEO4J_{name.upper()}_"


def instance(name: str) -> Instance:
    """The `dev`, `test`, `bench` or `empty` instance, with ports and memory from LOCAL_NEO4J_*
    variables (`bench` holds the full-scale data of the benchmarks, apart from `make run`'s;
    `empty` is the second, empty database that the EEN round-trip test imports an export
    into)."""
    if name not in INSTANCES:
        raise LocalNeo4jError(f"unknown instance {name!r}; expected one of {sorted(INSTANCES)}")
    port, heap, page_cache = INSTANCES[name]
    prefix = variable_prefix(name)
    return Instance(
        name=name,
        bolt_port=int(os.environ.get(prefix + "BOLT_PORT", port)),
        heap=os.environ.get(prefix + "HEAP", heap),
        page_cache=os.environ.get(prefix + "PAGECACHE", page_cache),
    )
