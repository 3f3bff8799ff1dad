"""`search`: people, organizations, communities, proposals, projects, news and discussions by
the words of their names and texts, best matches first."""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Any, NamedTuple

import strawberry

from app import cypher
from app.context import Context
from app.errors import BadUserInput
from schema.node import Node, node_kind, resolve_node
from schema.pagination import (
    Connection,
    Edge,
    Page,
    PageRequest,
    SortKey,
    build,
    page_request,
)
from schema.search.lucene import lucene_query

# Each index gives at most this many matches (the work of a search grows with it): a search
# shows the best few hundred, which is more than people page through.
CANDIDATES = 250
MAX_QUERY_LENGTH = 10_000
SCORE_ORDER = SortKey("score", kind="float", descending=True)


@strawberry.enum(description="The kinds of objects search can find.")
class SearchType(Enum):
    USER = "User"
    ORGANIZATION = "Organization"
    COMMUNITY = "Community"
    PROPOSAL = "Proposal"
    PROJECT = "Project"
    NEWS = "News"
    DISCUSSION = "Discussion"


@strawberry.type(description="An object search found, and how well it matches.")
class SearchResultEdge(Edge[Node]):
    score: float = strawberry.field(
        description="The relevance of the match: higher is better; comparable within one search.")


@strawberry.type(description="A page of search results, best matches first.")
class SearchResultConnection(Connection[SearchResultEdge]):
    pass


def _condition(type_names: list[str]) -> str:
    """Cypher: `n` has one of the labels asked for and the viewer may see it, by its label's
    own visibility rule. Labels come from SearchType, never from the request's text.

    A CASE on the label, rather than a disjunction: Neo4j plans each EXISTS of a disjunction
    for every candidate, whatever its label (a news item would walk the proposal rules), but
    evaluates a CASE branch only for the nodes that reach it."""
    branches = []
    for type_name in type_names:
        kind = node_kind(type_name)
        if kind is not None:
            branches.append(f"WHEN n:{kind.label} THEN {kind.visibility}")
    return f"CASE {' '.join(branches)} ELSE false END" if branches else "false"


class _Match(NamedTuple):
    """A matched id and its cursor, before the object is loaded."""

    cursor: str
    item: dict[str, Any]


async def _connection(info: strawberry.Info[Context, None], page: Page,
                      request: PageRequest) -> SearchResultConnection:
    """The page's connection, each matched object loaded by its type's dataloader (one round
    trip per type found) and through its visibility rule once more."""
    parts = build(page, request, _Match, dict)
    matches: list[_Match] = parts["edges"]
    nodes = await asyncio.gather(*(
        resolve_node(info.context, match.item["node"]["type"], match.item["node"]["id"])
        for match in matches))
    edges = [SearchResultEdge(cursor=match.cursor, node=node, score=match.item["sortKey"])
             for match, node in zip(matches, nodes, strict=True) if node is not None]
    return SearchResultConnection(edges=edges, page_info=parts["page_info"], total=parts["total"])


@strawberry.type
class SearchQueries:
    @strawberry.field(description=(
        "Objects whose names and texts contain any of the words of `query`, best matches first "
        "(Italian and English word forms match each other, and accents are optional). The "
        "query is plain words: quotes, wildcards and operators have no special meaning. At "
        "most the 250 best matches of each index are considered."))
    async def search(
        self, info: strawberry.Info[Context, None], query: str,
        types: list[SearchType] | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> SearchResultConnection:
        if len(query) > MAX_QUERY_LENGTH:
            raise BadUserInput(f"query may be at most {MAX_QUERY_LENGTH} characters long",
                               argument="query")
        request = page_request(info, first, after, last, before)
        type_names = [kind.value for kind in dict.fromkeys(types or list(SearchType))]
        text = lucene_query(query)
        if text is None:
            page = Page([], 0, SCORE_ORDER)
        else:
            statement = cypher.rendered("queries/search/search", condition=_condition(type_names),
                                        **request.fragments(SCORE_ORDER))
            parameters = {"query": text, "candidates": CANDIDATES, "labels": type_names,
                          "viewerId": info.context.viewer_id, **request.parameters(SCORE_ORDER)}
            [record] = await info.context.db.read(statement, parameters)
            page = Page(list(record["items"]), record["totalCount"], SCORE_ORDER)
        return await _connection(info, page, request)
