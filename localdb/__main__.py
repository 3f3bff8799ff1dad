"""Command line for the local Neo4j: `python -m localdb ACTION [dev|test|bench]`.

    python -m localdb start dev     # resolve Neo4j if needed, start it, wait for Bolt
    python -m localdb status test   # running or not, with its Bolt URI
    python -m localdb stop dev
"""

from __future__ import annotations

import argparse
import sys

from localdb.server import INSTANCES, LocalNeo4jError, install, instance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m localdb", description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["install", "start", "stop", "status", "wipe"])
    parser.add_argument("instance", nargs="?", default="dev", choices=sorted(INSTANCES))
    args = parser.parse_args(argv)
    try:
        if args.action == "install":
            print(install())
            return 0
        server = instance(args.instance)
        if args.action == "start":
            started = server.start()
            print(f"Neo4j {args.instance} {'started' if started else 'already running'} "
                  f"at {server.uri}")
        elif args.action == "stop":
            server.stop()
            print(f"Neo4j {args.instance} stopped")
        elif args.action == "wipe":
            server.wipe()
            print(f"Neo4j {args.instance} data deleted")
        else:
            state = "running" if server.is_running() else "stopped"
            print(f"Neo4j {args.instance}: {state} ({server.uri}, home {server.home})")
    except LocalNeo4jError as error:
        print(f"localdb: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
