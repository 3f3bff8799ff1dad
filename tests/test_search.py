"""Search: words in any form and spelling find what holds them; no input is an error."""

from __future__ import annotations

import random
import string
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from app.db import Database
from tests.conftest import GraphQL, error_codes, run_test_cypher

SEARCH = """
query($text: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $text, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score node { __typename id ... on Organization { name } } }
  }
}
"""


def made_up_stem() -> str:
    """A word stem no text holds, of letters only (so analyzers treat it as a word)."""
    # "a": English stemming removes "-ed" and "-ing" only after a vowel; the final "k" keeps
    # the stem from ending in "e", which would make "-ed" the "-eed" that stemming keeps
    return "zqa" + "".join(random.choices(string.ascii_lowercase, k=8)) + "k"


@pytest_asyncio.fixture(loop_scope="session")
async def probes(db: Database) -> AsyncIterator[dict[str, Any]]:
    """Organizations whose names hold made-up words in several forms and spellings."""
    stem = made_up_stem()
    probe = str(uuid.uuid4())
    names = {
        "accented": (f"Laboratorio {stem}à", "Qualità e sostenibilità."),
        "italian": (f"Consorzio {stem}ori", "Tecnologie per la manifattura."),
        "english": (f"{stem}ings Ltd", "Manufacturing technologies."),
    }
    rows = [{"id": str(uuid.uuid4()), "name": name, "description": description}
            for name, description in names.values()]
    communities = [{"id": str(uuid.uuid4()), "name": f"Comunità {stem} {access.lower()}",
                    "description": "Gruppo di lavoro.", "access": access}
                   for access in ("OPEN", "RESERVED", "CLOSED")]
    await run_test_cypher(db, "create_probe_texts", organizations=rows, communities=communities,
                          probe=probe)
    try:
        yield {"stem": stem, "communities": communities,
               **{key: row for key, row in zip(names, rows, strict=True)}}
    finally:
        await run_test_cypher(db, "delete_probe", probe=probe)


async def found_names(gql: GraphQL, query: str) -> list[str]:
    data = await gql.data(SEARCH, text=query, types=["ORGANIZATION"], first=50)
    return [edge["node"]["name"] for edge in data["search"]["edges"]]


async def test_accents_are_optional_both_ways(gql: GraphQL, probes: dict[str, Any]) -> None:
    stem, name = probes["stem"], probes["accented"]["name"]
    assert name in await found_names(gql, f"{stem}a")
    assert name in await found_names(gql, f"{stem}à")
    assert name in await found_names(gql, f"{stem.upper()}À")


async def test_italian_word_forms_match(gql: GraphQL, probes: dict[str, Any]) -> None:
    # Italian stemming: the plural "-ori" and the singular "-ore" share a stem.
    assert probes["italian"]["name"] in await found_names(gql, f"{probes['stem']}ore")


async def test_english_word_forms_match(gql: GraphQL, probes: dict[str, Any]) -> None:
    # English stemming: "-ings" and "-ed" share a stem.
    assert probes["english"]["name"] in await found_names(gql, f"{probes['stem']}ed")


async def test_results_are_ranked_and_typed(gql: GraphQL, probes: dict[str, Any]) -> None:
    data = await gql.data(SEARCH, text=f"{probes['stem']}à laboratorio", first=20)
    edges = data["search"]["edges"]
    assert edges[0]["node"]["name"] == probes["accented"]["name"]
    scores = [edge["score"] for edge in edges]
    assert scores == sorted(scores, reverse=True)


async def test_lucene_syntax_is_never_an_error(gql: GraphQL, probes: dict[str, Any]) -> None:
    stem = probes["stem"]
    for text in ['"', "*", "AND OR", "~", "\\", "", "   ", "a" * 10_000, f'{stem}à" OR *:*',
                 f"name:{stem}à~2^9 AND (", "NOT", "[* TO *]", "/regex/"]:
        body = await gql(SEARCH, text=text, first=5)
        assert "errors" not in body, (text, body)
    injected = await found_names(gql, f'{stem}à" OR *:*')
    assert probes["accented"]["name"] in injected
    # "*:*" would match everything if it reached Lucene as syntax
    assert len(injected) < 50
    assert (await gql.data(SEARCH, text="", first=5))["search"] == {
        "totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []}


async def test_an_overlong_query_is_refused(gql: GraphQL) -> None:
    body = await gql(SEARCH, text="a" * 10_001)
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_paging_through_results_has_no_duplicates_or_gaps(gql: GraphQL) -> None:
    seen: list[str] = []
    after = None
    while True:
        data = await gql.data(SEARCH, text="milano ricerca innovazione", first=7, after=after)
        page = data["search"]
        seen.extend(edge["node"]["id"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] > 7


async def test_types_narrow_the_results(gql: GraphQL) -> None:
    data = await gql.data(SEARCH, text="milano", types=["USER"], first=30)
    assert data["search"]["edges"]
    assert {edge["node"]["__typename"] for edge in data["search"]["edges"]} == {"User"}


async def test_only_what_the_viewer_may_see_is_found(gql: GraphQL, probes: dict[str, Any]) -> None:
    query = """query($text: String!) { search(query: $text, types: [COMMUNITY], first: 50) {
      totalCount edges { node { ... on Community { name access } } } } }"""
    data = await gql.data(query, text=probes["stem"])
    found = [edge["node"] for edge in data["search"]["edges"]]
    # an anonymous visitor finds OPEN and RESERVED communities, never CLOSED ones
    assert sorted(node["access"] for node in found if probes["stem"] in node["name"]) == [
        "OPEN", "RESERVED"]
    assert data["search"]["totalCount"] == len(found)
