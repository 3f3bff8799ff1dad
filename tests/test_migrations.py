"""Migrations apply once, are recorded with a checksum, and refuse edited files."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import migrations
from app.db import Database
from tests.conftest import run_test_cypher

PROBE = "9001_probe_index"


async def test_applied_migrations_are_current(db: Database) -> None:
    assert await migrations.is_current(db)
    assert await migrations.apply(db) == []


async def test_a_migration_applies_once_and_refuses_later_edits(
        db: Database, tmp_path: Path) -> None:
    statement = "CREATE INDEX probe_x IF NOT EXISTS FOR (n:MigrationProbe) ON (n.x);\n"
    (tmp_path / f"{PROBE}.cypher").write_text(statement)
    try:
        assert not await migrations.is_current(db, tmp_path)
        assert await migrations.apply(db, migrations.available(tmp_path)) == [PROBE]
        assert await migrations.apply(db, migrations.available(tmp_path)) == []
        assert await migrations.is_current(db, tmp_path)
        recorded = await migrations.applied(db)

        (tmp_path / f"{PROBE}.cypher").write_text(statement.replace("n.x", "n.y"))
        with pytest.raises(migrations.MigrationError, match=PROBE):
            await migrations.apply(db, migrations.available(tmp_path))
        assert not await migrations.is_current(db, tmp_path)
        assert await migrations.applied(db) == recorded
    finally:
        await run_test_cypher(db, "forget_migration", name=PROBE)
        await db.run_schema("DROP INDEX probe_x IF EXISTS")


def test_statements_split_on_semicolons_at_line_ends(tmp_path: Path) -> None:
    (tmp_path / "0001_two.cypher").write_text(
        "// two statements\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.a);\n"
        "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);\n")
    [migration] = migrations.available(tmp_path)
    assert len(migration.statements) == 2
    assert all(text.startswith(("//", "CREATE")) for text in migration.statements)


def test_statements_split_across_line_endings_and_trailing_comments(tmp_path: Path) -> None:
    (tmp_path / "0001_mixed.cypher").write_text(
        "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.a); \r\n"
        "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);\n// the end\n")
    [migration] = migrations.available(tmp_path)
    assert [text.split()[2] for text in migration.statements] == ["a", "b"]
