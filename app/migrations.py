"""Schema migrations: ordered `.cypher` files under `cypher/migrations/`, applied once each.

Each applied file is recorded as `(:Migration {name, checksum, appliedAt})`. Applying twice
changes nothing; a file changed after it was applied is refused, because the database would no
longer match what the file says. A file holds one or more statements, each ending with `;` at
the end of a line, and each statement is idempotent (`IF NOT EXISTS`), so a run interrupted
between a statement and its record is safely repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app import cypher
from app.db import Database

MIGRATIONS = cypher.CYPHER_ROOT / "migrations"


class MigrationError(RuntimeError):
    """A migration cannot be applied as recorded; the message names the file."""


@dataclass(frozen=True)
class Migration:
    """One migration file."""

    name: str
    statement: cypher.Statement

    @property
    def statements(self) -> list[str]:
        """The file's statements; comment-only pieces (e.g. after the last `;`) are dropped."""
        parts = _STATEMENT_END.split(self.statement.text.replace("\r\n", "\n"))
        return [part.strip() for part in parts if _has_code(part)]


_STATEMENT_END = re.compile(r";[ \t]*(?:\n|$)")


def _has_code(part: str) -> bool:
    return any(line.strip() and not line.strip().startswith("//") for line in part.splitlines())


def available(folder: Path = MIGRATIONS) -> list[Migration]:
    """The migration files in the order they apply (by file name)."""
    return [
        Migration(path.stem, cypher.Statement(path.stem, path.read_text(encoding="utf-8").strip()))
        for path in sorted(folder.glob("*.cypher"))
    ]


async def applied(db: Database) -> dict[str, str]:
    """Recorded migrations: name to checksum (empty before the first one)."""
    records = await db.read(cypher.load("queries/system/applied_migrations").text)
    return {record["name"]: record["checksum"] for record in records}


def pending(migrations: list[Migration], recorded: dict[str, str]) -> list[Migration]:
    """The migrations not yet applied; raises when an applied file has changed."""
    for migration in migrations:
        checksum = recorded.get(migration.name)
        if checksum is not None and checksum != migration.statement.checksum:
            raise MigrationError(
                f"migration {migration.name} changed after it was applied "
                f"(recorded checksum {checksum[:12]}, file {migration.statement.checksum[:12]}); "
                "add a new migration instead of editing an applied one"
            )
    return [migration for migration in migrations if migration.name not in recorded]


async def apply(db: Database, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the pending migrations in order; return the names applied."""
    migrations = available() if migrations is None else migrations
    todo = pending(migrations, await applied(db))
    record = cypher.load("queries/system/record_migration").text
    for migration in todo:
        for statement in migration.statements:
            await db.run_schema(statement)
        await db.write(
            record, {"name": migration.name, "checksum": migration.statement.checksum}
        )
    return [migration.name for migration in todo]


async def is_current(db: Database, folder: Path = MIGRATIONS) -> bool:
    """Whether every migration file is applied with its current checksum."""
    try:
        return not pending(available(folder), await applied(db))
    except MigrationError:
        return False
