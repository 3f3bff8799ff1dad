"""A local Redis server taken from Debian's packages and run from the project's own folder.

API replicas use Redis only to tell each other that the event log grew (`app.event_relay`), so
`make test` needs one to test that, and `make run` can use one to try several replicas. Nothing
is installed system-wide: `apt-get download` fetches `redis-server`, `redis-tools` and the shared
libraries they need that this machine lacks, `dpkg-deb -x` unpacks them into
`.local/redis-<version>/` (once: the first complete one is kept), and the server runs with
`LD_LIBRARY_PATH` pointing at the unpacked libraries. Each instance (``dev``, ``test``) has its
own folder under `.local/` with its log and the pid of the running server.

This module uses the standard library only (and `localdb`'s process helpers, likewise): it must
work before anything else is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from localdb.server import LOCAL_ROOT, port_is_open, running_pid, terminate

PACKAGES = ("redis-server", "redis-tools")
BINARY = Path("usr/bin/redis-server")
MARKER = ".complete"

# Only the dependencies that matter to a binary run by hand: no recommended extras, and none
# of the relations that are not requirements.
APT_DEPENDS = (
    "apt-cache", "depends", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks",
    "--no-replaces", "--no-enhances",
)
# One requirement in `apt-cache depends` output; "|" marks an alternative to the next line.
DEPENDENCY = re.compile(r"^ ([ |])(?:Pre)?Depends: <?([^<>\s]+)>?$")


class LocalRedisError(RuntimeError):
    """The local server could not be installed, started or stopped; the message says why."""


def install() -> Path:
    """The `redis-server` binary unpacked under `.local/`, fetched from Debian's packages on
    first use."""
    installed = _installed_folder()
    if installed is not None:
        return installed / BINARY
    LOCAL_ROOT.mkdir(parents=True, exist_ok=True)
    # Everything happens in a temporary folder renamed into place at the end, so a download or
    # an unpacking cut short never passes for an installed server.
    staging = Path(tempfile.mkdtemp(prefix=".redis-download-", dir=LOCAL_ROOT))
    try:
        # apt downloads as its own user `_apt` when it can write here, and warns otherwise.
        staging.chmod(0o755)
        print(f"Fetching Redis from Debian's packages into {LOCAL_ROOT} ...", flush=True)
        packages = _download(staging)
        root = staging / "root"
        for package in packages:
            _run(["dpkg-deb", "-x", str(package), str(root)])
        server_package = next(path for path in packages if path.name.startswith("redis-server_"))
        version = _run(["dpkg-deb", "-f", str(server_package), "Version"]).strip()
        version = version.split(":", 1)[-1]  # the epoch ("5:") means nothing in a folder name
        _check_libraries(root / BINARY)
        (root / MARKER).write_text(version + "\n")
        target = LOCAL_ROOT / f"redis-{version}"
        if target.exists() and not (target / MARKER).exists():
            shutil.rmtree(target)
        if not target.exists():
            root.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / BINARY


def _installed_folder() -> Path | None:
    """The most recently unpacked complete Redis under `.local/`, if any."""
    markers = [path for path in LOCAL_ROOT.glob(f"redis-*/{MARKER}") if path.is_file()]
    if not markers:
        return None
    return max(markers, key=lambda marker: marker.stat().st_mtime).parent


def _download(folder: Path) -> list[Path]:
    """Download the packages into `folder`; after a failure, refresh apt's package lists once
    and try again (missing lists find no package, stale ones name versions the mirror dropped)."""
    try:
        return _fetch(folder)
    except LocalRedisError as first:
        update = _execute(["apt-get", "update"])
        if update.returncode != 0:
            raise LocalRedisError(
                f"{first}\n\nRefreshing the package lists failed too: {_failure(update)}"
            ) from first
        try:
            return _fetch(folder)
        except LocalRedisError as second:
            said = (update.stdout + update.stderr).strip()[-2000:]
            raise LocalRedisError(
                f"{second}\n\n(after `apt-get update`, which said:\n{said})"
            ) from second


def _fetch(folder: Path) -> list[Path]:
    for stale in folder.glob("*.deb"):
        stale.unlink()
    packages = [*PACKAGES, *missing_libraries(PACKAGES)]
    _run(["apt-get", "download", *packages], cwd=folder)
    return sorted(folder.glob("*.deb"))


def missing_libraries(packages: Iterable[str]) -> list[str]:
    """The library packages (`lib*`) that `packages` need, directly or through one another, and
    that this machine lacks. Their other dependencies (users, init scripts) serve Debian's
    system service, which is not used here."""
    wanted: list[str] = []
    queue = list(packages)
    seen = set(queue)
    while queue:
        groups = dependencies(_run([*APT_DEPENDS, *queue]))
        installed = installed_packages({name for group in groups for name in group})
        queue = []
        for group in groups:
            if seen.intersection(group) or installed.intersection(group):
                continue
            if group[0].startswith("lib"):
                wanted.append(group[0])
                seen.add(group[0])
                queue.append(group[0])
    return wanted


def dependencies(output: str) -> list[list[str]]:
    """The requirements in `apt-cache depends` output, each as the list of its alternatives."""
    groups: list[list[str]] = []
    group: list[str] = []
    for line in output.splitlines():
        match = DEPENDENCY.match(line)
        if match is None:
            continue
        group.append(match.group(2))
        if match.group(1) == " ":
            groups.append(group)
            group = []
    return groups


def installed_packages(names: Iterable[str]) -> set[str]:
    """Which of `names` are installed on this machine."""
    names = sorted(names)
    if not names:
        return set()
    # dpkg-query exits with 1 when some name is unknown, and still lists the others.
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package} ${db:Status-Status}\n", *names],
        capture_output=True, text=True, check=False,
    )
    return {line.split()[0] for line in result.stdout.splitlines()
            if line.endswith(" installed")}


def library_path(binary: Path) -> str:
    """`LD_LIBRARY_PATH` for a binary unpacked under `.local/redis-<version>/`: every folder of
    that tree holding shared libraries."""
    root = binary.parents[len(BINARY.parts) - 1]
    folders = sorted({str(library.parent) for library in root.glob("**/*.so*")})
    return os.pathsep.join(folders)


def _check_libraries(binary: Path) -> None:
    """Refuse an unpacked server that would not load (a library neither on this machine nor
    among the packages fetched)."""
    environment = {**os.environ, "LD_LIBRARY_PATH": library_path(binary)}
    output = _run(["ldd", str(binary)], environment=environment)
    missing = [line.split()[0] for line in output.splitlines() if "not found" in line]
    if missing:
        raise LocalRedisError(
            f"redis-server needs {', '.join(missing)}, found neither on this machine nor among "
            "the packages fetched"
        )


def _run(command: list[str], cwd: Path | None = None,
         environment: dict[str, str] | None = None) -> str:
    """Run a packaging tool and return its output, or raise with what it said."""
    result = _execute(command, cwd, environment)
    if result.returncode != 0:
        raise LocalRedisError(_failure(result))
    return result.stdout


def _execute(command: list[str], cwd: Path | None = None,
             environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        raise LocalRedisError(f"`{command[0]}` is not on PATH: Redis comes from Debian's packages")
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment,
                          check=False)


def _failure(result: subprocess.CompletedProcess[str]) -> str:
    """A failed command and what it said."""
    said = (result.stdout + result.stderr).strip()[-3000:]
    return f"`{' '.join(result.args)}` failed (status {result.returncode}):\n{said}"


@dataclass(frozen=True)
class Instance:
    """One local server: its folder and port."""

    name: str
    port: int

    @property
    def home(self) -> Path:
        return LOCAL_ROOT / f"redis-{self.name}"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def pid_file(self) -> Path:
        return self.home / "redis.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "redis.log"

    def pid(self) -> int | None:
        """The pid of this instance's running server, or None."""
        return running_pid(self.pid_file, self.home)

    def is_running(self) -> bool:
        return self.pid() is not None

    def start(self, timeout: float = 30.0) -> bool:
        """Start the server unless it already runs; wait until it answers PING.

        Returns True when this call started it, False when it was already running.
        """
        if self.is_running():
            self._wait_for_ping(timeout)
            return False
        if port_is_open(self.port):
            raise LocalRedisError(
                f"port {self.port} is taken by another process; "
                f"set LOCAL_REDIS_{self.name.upper()}_PORT to a free port"
            )
        binary = install()
        self.home.mkdir(parents=True, exist_ok=True)
        command = [
            str(binary), "--bind", "127.0.0.1", "--port", str(self.port),
            # A relay of wake-up messages, not a store: nothing goes to disk.
            "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--dir", str(self.home), "--logfile", "",
            # Keeps the command line, with this folder in it, for pid() to recognise the server.
            "--set-proc-title", "no",
        ]
        environment = {**os.environ, "LD_LIBRARY_PATH": library_path(binary)}
        log = open(self.log_file, "ab")  # noqa: SIM115 - owned by the child
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=self.home, env=environment,
        )
        log.close()
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise LocalRedisError(
                    f"Redis exited with status {process.returncode} while starting.\n"
                    + self.log_tail()
                )
            if ping(self.port):
                return True
            time.sleep(0.05)
        self.stop()
        raise LocalRedisError(
            f"Redis did not answer PING on port {self.port} within {timeout:.0f}s.\n"
            + self.log_tail()
        )

    def _wait_for_ping(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not ping(self.port):
            if time.monotonic() > deadline:
                raise LocalRedisError(f"Redis {self.name} runs but does not answer PING on "
                                      f"port {self.port}.\n" + self.log_tail())
            time.sleep(0.05)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after `timeout` seconds) and wait for it."""
        pid = self.pid()
        if pid is not None:
            terminate(pid, timeout)
        self.pid_file.unlink(missing_ok=True)

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the server's log, for error messages."""
        if not self.log_file.exists():
            return "(Redis wrote no log)"
        tail = self.log_file.read_text(errors="replace").splitlines()[-lines:]
        return f"--- {self.log_file} ---\n" + "\n".join(tail)


def ping(port: int, host: str = "127.0.0.1") -> bool:
    """Whether a Redis server on host:port answers PING."""
    try:
        with socket.create_connection((host, port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(64).startswith(b"+PONG")
    except OSError:
        return False


# Port of each local instance.
INSTANCES = {"dev": 6389, "test": 6390}


def instance(name: str) -> Instance:
    """The `dev` or `test` instance, its port from LOCAL_REDIS_DEV_PORT or LOCAL_REDIS_TEST_PORT."""
    if name not in INSTANCES:
        raise LocalRedisError(f"unknown instance {name!r}; expected one of {sorted(INSTANCES)}")
    port = int(os.environ.get(f"LOCAL_REDIS_{name.upper()}_PORT", INSTANCES[name]))
    return Instance(name=name, port=port)
