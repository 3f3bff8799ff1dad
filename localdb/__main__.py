"""Command line for the local Neo4j: `python -m localdb ACTION [dev|test|bench|empty]`.

    python -m localdb start dev     # resolve Neo4j if needed, start it, wait for Bolt
    python -m localdb status test   # running or not, with its Bolt URI
    python -m localdb stop dev
"""

from __future__ import annotations

import sys

from localdb.command import ServerCommand
from localdb.server import INSTANCES, Instance, LocalNeo4jError, install, instance


def wipe(server: Instance) -> str:
    """Delete the data of a stopped instance."""
    server.wipe()
    return "data deleted"


COMMAND = ServerCommand(
    product="Neo4j", instances=INSTANCES, install=install, instance=instance,
    address=lambda server: server.uri, error=LocalNeo4jError, actions={"wipe": wipe},
)


def main(argv: list[str] | None = None) -> int:
    return COMMAND.main("python -m localdb", __doc__.split("\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
