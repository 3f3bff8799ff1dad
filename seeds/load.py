"""Writes the taxonomies and a generated graph to Neo4j with the statements in `cypher/seeds/`.

Every statement upserts by id (nodes) or MERGEs between nodes matched by id (relationships),
in large batches, each batch a managed transaction: a load that is interrupted or repeated
leaves the same graph as one clean load, and ids are unique-constrained, so every MATCH and
MERGE by id is an index seek.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app import cypher
from app.db import Database
from seeds.generate import Generator, Graph
from seeds.taxonomy import FOLDER, Taxonomy

# Rows per transaction: large enough that round trips do not dominate, small enough that a
# batch of long texts stays a few megabytes.
BATCH = 10_000
# A batch of the full-scale load may take longer than an API query is allowed to.
BATCH_TIMEOUT = 600.0
SEEDS = Path(__file__).resolve().parent

# Called after each batch with the statement's name, the rows written so far and in all.
Progress = Callable[[str, int, int], None]
Statements = list[tuple[str, list[dict[str, Any]]]]


class IncompleteLoad(RuntimeError):
    """A seed statement matched fewer rows than it was given (a dangling reference)."""


def wire_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their dates and times as ISO 8601 text, which the statements turn back
    into Date and DateTime values: the driver packs a Python datetime some fifty times slower
    than a string, and a full load has hundreds of thousands of them."""
    temporal = {key for row in rows[:1_000] for key, value in row.items()
                if isinstance(value, date)}  # datetimes are dates too
    if not temporal:
        return rows
    wired = []
    for row in rows:
        copy = dict(row)
        for key in temporal:
            value = copy[key]
            if value is not None:
                copy[key] = value.isoformat()
        wired.append(copy)
    return wired


async def write_all(db: Database, statements: Statements, progress: Progress | None = None) -> None:
    """Run each named seed statement over its rows in batches, in order.

    Every statement returns how many rows it wrote; fewer than it was given means a row refers
    to a node that does not exist, and the load stops there instead of leaving a partial graph
    unnoticed.
    """
    total = sum(len(rows) for _, rows in statements)
    planner = asyncio.create_task(plan_ahead(db, [name for name, rows in statements[1:] if rows]))
    try:
        await _write(db, statements, progress, total)
    finally:
        planner.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await planner


async def plan_ahead(db: Database, statements: list[str]) -> None:
    """Have Neo4j plan the statements (EXPLAIN plans and caches without running), while the
    load runs. A fresh server takes about a fifth of a second of CPU to plan each of them,
    which on two cores this does beside the writes instead of before each."""
    for statement in statements:
        await db.read("EXPLAIN " + cypher.load(f"seeds/{statement}").text, {"rows": []})


async def _write(db: Database, statements: Statements, progress: Progress | None,
                 total: int) -> None:
    done = 0
    for statement, rows in statements:
        text = cypher.load(f"seeds/{statement}").text
        for start in range(0, len(rows), BATCH):
            batch = wire_rows(rows[start:start + BATCH])
            [record] = await db.write(text, {"rows": batch}, timeout=BATCH_TIMEOUT)
            if record["written"] != len(batch):
                raise IncompleteLoad(
                    f"{statement} wrote {record['written']} of {len(batch)} rows: some row "
                    "refers to a node that does not exist")
            done += len(batch)
            if progress:
                progress(statement, done, total)


def taxonomy_statements(taxonomy: Taxonomy) -> Statements:
    """The S3 areas, the competence hierarchy (parents first) and the EEN keywords."""
    return [("s3_areas", taxonomy.s3_area_rows()), ("competences", taxonomy.competence_rows()),
            ("keywords", taxonomy.keyword_rows())]


async def load_graph(db: Database, taxonomy: Taxonomy, graph: Graph,
                     progress: Progress | None = None) -> None:
    """Upsert the taxonomies, then the generated nodes and relationships."""
    await write_all(db, taxonomy_statements(taxonomy) + graph.statements(), progress)


async def database_counts(db: Database) -> tuple[dict[str, int], dict[str, int]]:
    """How many nodes of each label and relationships of each type the database holds."""
    labels = await db.read(cypher.load("seeds/count_labels").text, timeout=BATCH_TIMEOUT)
    types = await db.read(cypher.load("seeds/count_relationships").text, timeout=BATCH_TIMEOUT)
    return ({record["label"]: record["count"] for record in labels},
            {record["type"]: record["count"] for record in types})


class DataSetConflict(RuntimeError):
    """The database already holds a generated data set of another seed or scale."""


def fingerprint(seed_value: int, scale: float) -> str:
    """What determines a generated data set: seed, scale, taxonomy files, the generator and
    loader code and the seed statements."""
    digest = hashlib.sha256(f"{seed_value}:{scale}".encode())
    sources = [*sorted(FOLDER.glob("*.json")), *sorted(SEEDS.rglob("*.py")),
               *sorted((cypher.CYPHER_ROOT / "seeds").glob("*.cypher"))]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()


async def seed(db: Database, seed_value: int, scale: float, progress: Progress | None = None,
               name: str | None = None) -> dict[str, float] | None:
    """Load the taxonomies and the generated graph for (seed, scale); returns counts and time.

    With a `name`, the load is recorded as a data set: it is skipped (None is returned) when
    that data set was already loaded from the same seed, scale and code, and refused with
    DataSetConflict when it was loaded from another seed or scale, since two generated sets
    would share handles and mix their relationships.
    """
    current = fingerprint(seed_value, scale)
    if name is not None:
        records = await db.read(cypher.load("seeds/data_set").text, {"name": name})
        if records and records[0]["fingerprint"] == current:
            return None
        if records and (records[0]["seed"], records[0]["scale"]) != (seed_value, scale):
            raise DataSetConflict(
                f"the database holds the generated data set {name!r} of seed "
                f"{records[0]['seed']} and scale {records[0]['scale']}; load seed {seed_value} "
                f"and scale {scale} into an empty database (python -m localdb wipe dev)")
    started = time.perf_counter()
    taxonomy = Taxonomy.load()
    graph = Generator(taxonomy, seed_value, scale).generate()
    generated = time.perf_counter()
    await load_graph(db, taxonomy, graph, progress)
    if name is not None:
        await db.write(cypher.load("seeds/record_data_set").text,
                       {"name": name, "fingerprint": current, "seed": seed_value,
                        "scale": scale})
    finished = time.perf_counter()
    return {"users": len(graph.users), "organizations": len(graph.organizations),
            "rows": graph.size(), "generation_seconds": round(generated - started, 2),
            "seconds": round(finished - started, 2)}
