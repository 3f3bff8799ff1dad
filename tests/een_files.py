"""The EEN profile fixtures (tests/fixtures/een/), made unique for each test, and the
operations the EEN tests send."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest_asyncio

from app.db import Database
from tests.conftest import run_test_cypher

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "een"
# The keyword codes of the fixtures that are not in the taxonomy (made by an import).
MADE_KEYWORDS = ["99001001"]

IMPORT = """
mutation($input: ImportEenProfilesInput!) { importEenProfiles(input: $input) {
  created updated closed unchanged rejected
  reports { index reference result rejections { code message } unmappedKeywords
    proposal { id title summary description kind origin status country deadline externalRef
      collaborationTypes developmentStage ipr proposedBy { id }
      keywords(first: 50) { edges { node { scheme code label } } }
      soughtCompetences(first: 50) { edges { node { name } } }
      s3Areas(first: 50) { edges { node { code } } }
      documents(first: 5) { edges { node { fileName mimeType version title } } } } }
  userErrors { field code message }
  clientMutationId
} }"""


class Run:
    """One test's suffix for the fixtures' references ({run})."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex[:10].upper()

    def text(self, name: str) -> str:
        """The fixture file `name` with this run's references."""
        return (FIXTURES / name).read_text(encoding="utf-8").replace("{run}", self.token)

    def reference(self, stem: str, number: str) -> str:
        """A fixture's reference, e.g. `reference("TOIT2024", "01")`."""
        return f"{stem}{self.token}{number}"


@pytest_asyncio.fixture(loop_scope="session", name="run")
async def run_fixture(db: Database) -> AsyncIterator[Run]:
    """A fresh suffix; what the test imported with it is removed afterwards."""
    made = Run()
    yield made
    await run_test_cypher(db, "delete_een_imported", run=made.token,
                          madeKeywords=MADE_KEYWORDS)


def by_reference(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The reports of an import payload by reference."""
    return {report["reference"]: report for report in payload["reports"]}


def names(connection: dict[str, Any], field: str) -> list[str]:
    """A field of every node of a connection, sorted."""
    return sorted(edge["node"][field] for edge in connection["edges"])
