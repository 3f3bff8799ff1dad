"""Load seed data: `python -m seeds [--seed N] [--scale X]`.

    python -m seeds --scale 0.02     # the demo data of `make run` (444 users, 49 organizations)
    python -m seeds --scale 1        # the real platform's size (22,200 users, 2,433 organizations)

Connects with the same settings as the API (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) and applies
pending migrations first. A database holds one generated data set: loading the same one again
is skipped, and loading another seed or scale over it is refused (wipe the database first).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from app import migrations
from app.db import connect
from app.settings import get_settings
from seeds.load import DataSetConflict, seed

DEMO_SCALE = 0.02
# The one generated data set a database holds: `make run`'s demo or a `python -m seeds` load.
GENERATED = "generated"


def _progress(statement: str, done: int, total: int) -> None:
    print(f"\r  {statement:<26} {done:>7}/{total}", end="\n" if done == total else "",
          file=sys.stderr, flush=True)


async def run(seed_value: int, scale: float, quiet: bool) -> None:
    settings = get_settings()
    if not settings.neo4j_uri:
        raise SystemExit("NEO4J_URI is not set")
    async with connect(settings) as db:
        await migrations.apply(db)
        try:
            counts = await seed(db, seed_value, scale, None if quiet else _progress,
                                name=GENERATED)
        except DataSetConflict as conflict:
            raise SystemExit(f"Not loaded: {conflict}") from None
        if counts is None:
            print(f"Already loaded (seed {seed_value}, scale {scale})")
        else:
            print(f"Seeded {counts['users']} users and {counts['organizations']} organizations "
                  f"in {counts['seconds']} s (seed {seed_value}, scale {scale})")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m seeds", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--scale", type=float, default=DEMO_SCALE,
                        help=f"1 = the real platform's size (default {DEMO_SCALE})")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args()
    if args.scale <= 0:
        parser.error("--scale must be positive")
    asyncio.run(run(args.seed, args.scale, args.quiet))


if __name__ == "__main__":
    main()
