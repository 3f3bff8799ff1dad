"""Load seed data: `python -m seeds [--seed N] [--scale X]`.

    python -m seeds --scale 0.02     # the demo data of `make run` (444 users, 49 organizations)
    python -m seeds --scale 1        # the real platform's size (22,200 users, 2,433 organizations)

Connects with the same settings as the API (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) and applies
pending migrations first. A database holds one generated data set: loading the same one again
is skipped, and loading another seed or scale over it is refused (wipe the database first).
Shows a progress bar on stderr, then prints the database's counts by label and relationship
type and the time the load took.
"""

from __future__ import annotations

import argparse
import asyncio

from app import migrations
from app.db import connect
from app.settings import get_settings
from seeds.load import DataSetConflict, database_counts, seed
from seeds.progress import ProgressBar

DEMO_SCALE = 0.02
# The one generated data set a database holds: `make run`'s demo or a `python -m seeds` load.
GENERATED = "generated"


def counts_table(title: str, counts: dict[str, int]) -> str:
    """Counts as aligned lines under a title, with their total."""
    width = max((len(name) for name in counts), default=0)
    lines = [f"{title}:"] + [f"  {name:<{width}}  {count:>9,}" for name, count in counts.items()]
    lines.append(f"  {'total':<{width}}  {sum(counts.values()):>9,}")
    return "\n".join(lines)


async def run(seed_value: int, scale: float, quiet: bool) -> None:
    settings = get_settings()
    if not settings.neo4j_uri:
        raise SystemExit("NEO4J_URI is not set")
    async with connect(settings) as db:
        await migrations.apply(db)
        try:
            result = await seed(db, seed_value, scale, None if quiet else ProgressBar(),
                                name=GENERATED)
        except DataSetConflict as conflict:
            raise SystemExit(f"Not loaded: {conflict}") from None
        labels, types = await database_counts(db)
        print(counts_table("Nodes by label", labels))
        print(counts_table("Relationships by type", types))
        if result is None:
            print(f"Already loaded (seed {seed_value}, scale {scale})")
        else:
            print(f"Loaded {int(result['rows']):,} rows (seed {seed_value}, scale {scale}) in "
                  f"{result['seconds']} s, of which {result['generation_seconds']} s generating")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m seeds", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--scale", type=float, default=DEMO_SCALE,
                        help=f"1 = the real platform's size (default {DEMO_SCALE})")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args()
    if args.scale <= 0:
        parser.error("--scale must be positive")
    asyncio.run(run(args.seed, args.scale, args.quiet))


if __name__ == "__main__":
    main()
