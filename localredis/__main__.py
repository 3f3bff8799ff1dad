"""Command line for the local Redis: `python -m localredis ACTION [dev|test]`.

    python -m localredis start dev     # fetch Redis if needed, start it, wait for PING
    python -m localredis status test   # running or not, with its URL
    python -m localredis stop dev
"""

from __future__ import annotations

import sys

from localdb.command import ServerCommand
from localredis.server import INSTANCES, LocalRedisError, install, instance

COMMAND = ServerCommand(
    product="Redis", instances=INSTANCES, install=install, instance=instance,
    address=lambda server: server.url, error=LocalRedisError,
)


def main(argv: list[str] | None = None) -> int:
    return COMMAND.main("python -m localredis", __doc__.split("\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
