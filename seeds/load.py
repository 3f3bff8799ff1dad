"""Writes the taxonomies and a generated graph to Neo4j with the statements in `cypher/seeds/`.

Every statement upserts by id in batches, each batch a managed transaction, so a load that is
interrupted or repeated leaves the same graph as one clean load.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import cypher
from app.db import Database
from seeds.generator import Generator, Graph
from seeds.taxonomy import FOLDER, Taxonomy

BATCH = 2_000


async def write_rows(db: Database, statement: str, rows: list[dict[str, Any]],
                     progress: Callable[[str, int, int], None] | None = None) -> None:
    """Run the named seed statement over `rows` in batches."""
    text = cypher.load(f"seeds/{statement}").text
    for start in range(0, len(rows), BATCH):
        await db.write(text, {"rows": rows[start:start + BATCH]})
        if progress:
            progress(statement, min(start + BATCH, len(rows)), len(rows))


async def load_taxonomy(db: Database, taxonomy: Taxonomy) -> None:
    """Upsert the S3 areas and the competence hierarchy."""
    await write_rows(db, "s3_areas", taxonomy.s3_area_rows())
    await write_rows(db, "competences", taxonomy.competence_rows())


async def load_graph(db: Database, graph: Graph,
                     progress: Callable[[str, int, int], None] | None = None) -> None:
    """Upsert generated nodes first, then their relationships."""
    for statement, rows in (
        ("organizations", graph.organizations),
        ("users", graph.users),
        ("memberships", graph.memberships),
        ("user_interests", graph.user_interests),
        ("user_skills", graph.user_skills),
        ("organization_competences", graph.organization_competences),
        ("organization_areas", graph.organization_areas),
    ):
        await write_rows(db, statement, rows, progress)


class DataSetConflict(RuntimeError):
    """The database already holds a generated data set of another seed or scale."""


def fingerprint(seed_value: int, scale: float) -> str:
    """What determines a generated data set: seed, scale, taxonomy files, generator and the
    seed statements."""
    digest = hashlib.sha256(f"{seed_value}:{scale}".encode())
    here = Path(__file__).resolve().parent
    sources = [*sorted(FOLDER.glob("*.json")), here / "generator.py", here / "load.py",
               *sorted((cypher.CYPHER_ROOT / "seeds").glob("*.cypher"))]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()


async def seed(db: Database, seed_value: int, scale: float,
               progress: Callable[[str, int, int], None] | None = None,
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
    await load_taxonomy(db, taxonomy)
    graph = Generator(taxonomy, seed_value, scale).generate()
    await load_graph(db, graph, progress)
    if name is not None:
        await db.write(cypher.load("seeds/record_data_set").text,
                       {"name": name, "fingerprint": current, "seed": seed_value,
                        "scale": scale})
    return {"users": len(graph.users), "organizations": len(graph.organizations),
            "seconds": round(time.perf_counter() - started, 2)}
