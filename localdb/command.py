"""The command line of a local server, shared by `python -m localdb` (Neo4j) and
`python -m localredis` (Redis): install it, start, stop or show one of its instances."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar


class LocalServer(Protocol):
    """One instance of a local server, as the command line uses it."""

    @property
    def home(self) -> Path: ...

    def start(self) -> bool: ...

    def stop(self) -> None: ...

    def is_running(self) -> bool: ...


Server = TypeVar("Server", bound=LocalServer)


@dataclass(frozen=True)
class ServerCommand(Generic[Server]):
    """What the command line needs to know of one kind of local server."""

    product: str
    instances: Iterable[str]
    install: Callable[[], Path]
    instance: Callable[[str], Server]
    address: Callable[[Server], str]
    error: type[Exception]
    # Further actions on an instance, each returning what it did ("data deleted").
    actions: Mapping[str, Callable[[Server], str]] = field(default_factory=dict)

    def main(self, prog: str, description: str, argv: list[str] | None = None) -> int:
        """Run one action from the command line; 1 with the error on stderr when it fails."""
        parser = argparse.ArgumentParser(prog=prog, description=description)
        parser.add_argument("action", choices=["install", "start", "stop", "status",
                                               *self.actions])
        parser.add_argument("instance", nargs="?", default="dev", choices=sorted(self.instances))
        args = parser.parse_args(argv)
        name = f"{self.product} {args.instance}"
        try:
            if args.action == "install":
                print(self.install())
                return 0
            server = self.instance(args.instance)
            if args.action == "start":
                started = server.start()
                print(f"{name} {'started' if started else 'already running'} "
                      f"at {self.address(server)}")
            elif args.action == "stop":
                server.stop()
                print(f"{name} stopped")
            elif args.action == "status":
                state = "running" if server.is_running() else "stopped"
                print(f"{name}: {state} ({self.address(server)}, home {server.home})")
            else:
                print(f"{name} {self.actions[args.action](server)}")
        except self.error as error:
            print(f"{prog.split()[-1]}: {error}", file=sys.stderr)
            return 1
        return 0
