"""Limits on what one request may ask for, through HTTP: cost (GitHub's node count), depth,
fields, aliases, directives, tokens, page sizes, list arguments, body size, batches, and the
rate limit by cost with its headers. Every refusal comes before anything runs."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLObjectType,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
)

from app import query_limits
from app.db import Database
from app.limits import LIST_BOUNDS, Analysis, _is_connection, _plain_values, analyse
from app.main import create_app
from app.settings import Settings
from tests.accounts_api import api_from, bearer_token
from tests.attack_queries import ATTACKS

# 100 people, each with 100 followers, each with 100 followers: 1,010,100 nodes.
TOO_MANY_NODES = """{ users(first: 100) { edges { node { followers(first: 100) { edges { node {
  followers(first: 100) { totalCount } } } } } } } }"""
# GitHub's first example: 50 + 50 x 10 nodes.
FIFTY_BY_TEN = """{ users(first: 50) { edges { node { handle
  organizations(first: 10) { totalCount edges { node { id } } } } } } }"""
ONE_USER = "{ users(first: 1) { totalCount } }"
# Lists of objects counted as a full page (100 items) each: few items in practice, and no
# argument or setting to read a smaller bound from.
KNOWN_SMALL_LISTS = [
    "CollaboratorEdge.sharedProjects", "Project.budgetByCategory", "Project.budgetByPartner",
    "Webhook.competences"]


async def post(http: httpx.AsyncClient, body: Any, **headers: str) -> httpx.Response:
    return await http.post("/graphql", json=body, headers=headers)


def refusal(response: httpx.Response) -> dict[str, Any]:
    """The only error of a refused request whose answer ran nothing."""
    body = response.json()
    assert body.get("data") is None, body
    assert len(body["errors"]) == 1, body
    error: dict[str, Any] = body["errors"][0]
    return error


@asynccontextmanager
async def served(settings: Settings, **update: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client, from an address of its own, of an application with settings of its own
    (small budgets, small limits)."""
    application = create_app(settings.model_copy(update=update))
    async with application.router.lifespan_context(application), api_from(application) as api:
        yield api.http


async def test_an_executed_query_reports_its_cost_and_the_rate_limit(
        client: httpx.AsyncClient) -> None:
    response = await post(client, {"query": FIFTY_BY_TEN})
    body = response.json()
    assert "errors" not in body, body
    cost = body["extensions"]["cost"]
    assert cost["requested"] == 1 and cost["nodes"] == 550 and cost["nodeLimit"] == 500_000
    assert cost["limit"] == int(response.headers["RateLimit-Limit"])
    assert cost["remaining"] == int(response.headers["RateLimit-Remaining"])
    assert 0 < int(response.headers["RateLimit-Reset"]) <= 3600


async def test_a_query_over_the_node_limit_is_refused_with_its_figures(
        client: httpx.AsyncClient) -> None:
    error = refusal(await post(client, {"query": TOO_MANY_NODES}))
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "nodes": 1_010_100,
                                   "limit": 500_000, "cost": 101}


PAGED = """query($n: Int!) { users(first: $n) { edges { node {
  organizations(first: 10) { totalCount } } } } }"""


async def test_a_document_sent_again_is_measured_by_its_variables_and_limits(
        client: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[Any] = []

    def counted(*arguments: Any) -> Analysis | None:
        measured.append(arguments[3])
        return analyse(*arguments)

    monkeypatch.setattr(query_limits, "analyse", counted)
    paged = f"{PAGED} # {uuid.uuid4()}"  # a document no other request sent
    nodes = []
    for size in (5, 50, 5, 50):
        body = (await post(client, {"query": paged, "variables": {"n": size}})).json()
        assert "errors" not in body, body
        nodes.append(body["extensions"]["cost"]["nodes"])
    assert nodes == [55, 550, 55, 550]
    assert measured == [{"n": 5}, {"n": 50}]  # each measured once, then kept
    # the same document and variables under a lower limit: refused there, not here
    async with served(settings, max_query_nodes=500) as small:
        error = refusal(await post(small, {"query": paged, "variables": {"n": 50}}))
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    body = (await post(client, {"query": paged, "variables": {"n": 50}})).json()
    assert body["extensions"]["cost"]["nodes"] == 550


async def test_variables_too_deep_or_too_long_to_keep_are_measured_and_answered(
        client: httpx.AsyncClient) -> None:
    deep: Any = []
    for _ in range(600):
        deep = [deep]
    unused_values: list[Any] = [deep, ["x" * 300] * 20, {f"key{i}": [] for i in range(500)}]
    for unused in unused_values:
        response = await post(client, {"query": PAGED, "variables": {"n": 2, "unused": unused}})
        body = response.json()
        assert "errors" not in body, body
        assert body["extensions"]["cost"]["nodes"] == 22


async def test_a_dry_run_gives_the_cost_without_running_for_one_point(
        client: httpx.AsyncClient) -> None:
    first = await post(client, {"query": FIFTY_BY_TEN, "extensions": {"dryRun": True}})
    body = first.json()
    assert body["data"] is None and "errors" not in body
    assert body["extensions"]["dryRun"] is True
    assert body["extensions"]["cost"]["nodes"] == 550
    again = await post(client, {"query": FIFTY_BY_TEN, "extensions": {"dryRun": True}})
    # one point: measuring is work too, so it cannot be repeated for free
    assert int(again.headers["RateLimit-Remaining"]) == \
        int(first.headers["RateLimit-Remaining"]) - 1
    over = refusal(await post(client, {"query": TOO_MANY_NODES,
                                       "extensions": {"dryRun": True}}))
    assert over["extensions"]["code"] == "QUERY_TOO_COMPLEX"


async def test_depth_fields_aliases_directives_and_tokens_are_limited(
        db: Database, settings: Settings) -> None:
    async with served(settings, max_query_depth=4, max_query_fields=10, max_query_aliases=2,
                          max_query_directives=2, max_query_tokens=100,
                          max_query_repeats=3) as http:
        cases = {
            "depth": "{ users(first: 1) { edges { node { followers { totalCount } } } } }",
            "fields": "{ " + " ".join(["__typename"] * 11) + " }",
            "aliases": "{ a: __typename b: __typename c: __typename }",
            "directives": "{ __typename @skip(if: false) @include(if: true) "
                          "t: __typename @skip(if: false) }",
            "tokens": "{ " + " ".join(["__typename"] * 99) + " }",
            "repeats": "{ viewer { id } ... on Query { viewer { id } } viewer { id } "
                       "viewer { id } }",
        }
        for name, query in cases.items():
            error = refusal(await post(http, {"query": query}))
            assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX", (name, error)
            assert name in error["extensions"] or name == "tokens", (name, error)
        fine = await post(http, {"query": "{ a: __typename b: __typename }"})
        assert fine.json()["data"] == {"a": "Query", "b": "Query"}


async def test_fragments_count_as_often_as_they_are_spread(
        db: Database, settings: Settings) -> None:
    async with served(settings, max_query_aliases=7) as http:
        query = """{ ...A ...A ...A ...A }
        fragment A on Query { a: __typename b: __typename }"""
        error = refusal(await post(http, {"query": query}))
        assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "aliases": 8, "limit": 7,
                                       "cost": 1}


async def test_page_sizes_over_100_are_refused_before_running(
        client: httpx.AsyncClient) -> None:
    for query, variables in (("{ users(first: 101) { totalCount } }", {}),
                             ("query($n: Int) { users(last: $n) { totalCount } }", {"n": 500})):
        error = refusal(await post(client, {"query": query, "variables": variables}))
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert "between 0 and 100" in error["message"]


async def test_list_arguments_are_capped(client: httpx.AsyncClient) -> None:
    ids = [f"id-{number}" for number in range(101)]
    for body in ({"query": "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                  "variables": {"ids": ids}},
                 {"query": '{ search(query: "x", types: [' + ", ".join(["USER"] * 101)
                           + "]) { totalCount } }"}):
        error = refusal(await post(client, body))
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert error["extensions"]["limit"] == 100


async def test_answers_holding_what_orjson_cannot_write_are_answered_all_the_same(
        client: httpx.AsyncClient) -> None:
    # An error message repeats a lone surrogate sent in the variables (valid JSON, escaped);
    # a refusal reports a count past 64 bits.
    body = (b'{"query": "query($via: [RelationKind!]) { egoNetwork(of: \\"x\\", via: $via) '
            b'{ truncated } }", "variables": {"via": ["\\ud800"]}}')
    echoed = await client.post("/graphql", content=body,
                               headers={"content-type": "application/json"})
    assert echoed.status_code < 500
    assert refusal(echoed)["extensions"]["code"] == "BAD_USER_INPUT"
    assert "\ud800" in refusal(echoed)["message"]
    huge = refusal(await post(client, {
        "query": "{ peopleToFollow(first: 100000000000000000000) { score } }"}))
    assert huge["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert huge["extensions"]["nodes"] >= 10**20


async def test_a_body_over_the_limit_is_refused_unread(
        db: Database, settings: Settings) -> None:
    async with served(settings, max_request_bytes=2048) as http:
        big = {"query": "query($s: String) { __typename }", "variables": {"s": "x" * 4096}}
        declared = await post(http, big)
        assert declared.status_code == 413
        assert refusal(declared)["extensions"] == {"code": "PAYLOAD_TOO_LARGE", "limit": 2048}

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: cut off as it comes
            yield b'{"query": "{ __typename }", "variables": {"s": "'
            for _ in range(10):
                yield b"y" * 1024
            yield b'"}}'

        chunked = await http.post("/graphql", content=chunks(),
                                      headers={"content-type": "application/json"})
        assert chunked.status_code == 413


async def test_a_batch_is_refused_cleanly(client: httpx.AsyncClient) -> None:
    response = await post(client, [{"query": "{ __typename }"}, {"query": "{ __typename }"}])
    assert response.status_code == 400
    error = refusal(response)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "one operation per request" in error["message"]


async def test_each_identity_spends_its_own_budget(
        db: Database, settings: Settings) -> None:
    async with served(settings, rate_limit_anonymous_points=3, rate_limit_points=5,
                          rate_limit_window_seconds=600) as http:
        remaining = []
        for _ in range(3):
            response = await post(http, {"query": ONE_USER})
            assert response.status_code == 200 and "errors" not in response.json()
            assert response.headers["RateLimit-Limit"] == "3"
            remaining.append(int(response.headers["RateLimit-Remaining"]))
        assert remaining == [2, 1, 0]
        refused = await post(http, {"query": ONE_USER})
        assert refused.status_code == 429
        assert 0 < int(refused.headers["Retry-After"]) <= 600
        error = refusal(refused)
        assert error["extensions"]["code"] == "RATE_LIMITED"
        assert error["extensions"]["retryAfter"] == int(refused.headers["Retry-After"])
        assert refused.headers["RateLimit-Remaining"] == "0"

        user_id = (await db.read("MATCH (u:User) RETURN u.id AS id LIMIT 1", {}))[0]["id"]
        token = await bearer_token(db, settings, user_id)
        signed_in = await http.post("/graphql", json={"query": ONE_USER},
                                        headers={"Authorization": f"Bearer {token}"})
        assert signed_in.status_code == 200
        assert signed_in.headers["RateLimit-Limit"] == "5"
        assert signed_in.headers["RateLimit-Remaining"] == "4"


async def test_an_operation_costing_more_than_remains_is_refused_unrun(
        db: Database, settings: Settings) -> None:
    async with served(settings, rate_limit_anonymous_points=4) as http:
        # 100 users' 100 followers: 101 requests, a cost of 1; 200 users' worth costs 2
        costly = """{ a: users(first: 100) { edges { node { followers(first: 100) {
          totalCount } } } } b: users(first: 100) { edges { node {
          followers(first: 100) { totalCount } } } } }"""
        dry = (await post(http, {"query": costly, "extensions": {"dryRun": True}})).json()
        assert dry["extensions"]["cost"]["requested"] == 2  # the dry run itself cost 1
        assert (await post(http, {"query": ONE_USER})).headers["RateLimit-Remaining"] == "2"
        assert (await post(http, {"query": ONE_USER})).headers["RateLimit-Remaining"] == "1"
        refused = await post(http, {"query": costly})
        assert refused.status_code == 429
        assert refusal(refused)["extensions"]["code"] == "RATE_LIMITED"
        assert refused.headers["RateLimit-Remaining"] == "1"


async def test_the_classic_attacks_are_refused_before_running(
        client: httpx.AsyncClient) -> None:
    for attack in ATTACKS:
        response = await post(client, attack.body)
        assert response.status_code == attack.status, (attack.name, response.text[:300])
        assert refusal(response)["extensions"]["code"] == attack.code, attack.name


def test_every_list_of_objects_in_the_schema_has_a_bound() -> None:
    """A list the cost cannot bound (no `first`, no list argument, no entry in LIST_BOUNDS,
    not plain values) would be counted as a page of the largest size: a new one must say."""
    from schema import schema

    unbounded = []
    for graphql_type in schema._schema.type_map.values():
        if graphql_type.name.startswith("__") or not isinstance(
                graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            continue
        for name, field in graphql_type.fields.items():
            item = get_named_type(field.type)
            if (not isinstance(get_nullable_type(field.type), GraphQLList)
                    or is_leaf_type(item) or _is_connection(graphql_type)
                    or _plain_values(item)):
                continue
            bounded = (f"{graphql_type.name}.{name}" in LIST_BOUNDS or "first" in field.args
                       or any(isinstance(get_nullable_type(argument.type), GraphQLList)
                              for argument in field.args.values()))
            if not bounded:
                unbounded.append(f"{graphql_type.name}.{name}")
    assert sorted(unbounded) == sorted(KNOWN_SMALL_LISTS), sorted(unbounded)


async def test_refused_documents_spend_the_budget_too(
        db: Database, settings: Settings) -> None:
    async with served(settings, rate_limit_anonymous_points=2, max_query_aliases=1) as http:
        aliases = {"query": "{ a: __typename b: __typename }"}
        first = await post(http, aliases)
        assert refusal(first)["extensions"]["code"] == "QUERY_TOO_COMPLEX"
        assert first.headers["RateLimit-Remaining"] == "1"
        await post(http, aliases)
        third = await post(http, aliases)
        assert third.status_code == 429
        assert refusal(third)["extensions"]["code"] == "RATE_LIMITED"


async def test_requests_with_refused_credentials_or_bad_syntax_spend_a_point(
        db: Database, settings: Settings) -> None:
    async with served(settings, rate_limit_anonymous_points=3, max_query_aliases=1) as http:
        refused_token = {"Authorization": "Bearer not-a-token"}
        first = await post(http, {"query": ONE_USER}, **refused_token)
        assert refusal(first)["extensions"]["code"] == "UNAUTHENTICATED"
        assert first.headers["RateLimit-Remaining"] == "2"
        # still measured: over a limit is refused as such
        aliases = await post(http, {"query": "{ a: __typename b: __typename }"},
                             **refused_token)
        assert refusal(aliases)["extensions"]["code"] == "QUERY_TOO_COMPLEX"
        broken = await post(http, {"query": "{ users(first: 1) { "})
        assert refusal(broken)["extensions"]["code"] == "BAD_USER_INPUT"
        assert broken.headers["RateLimit-Remaining"] == "0"
        assert (await post(http, {"query": ONE_USER})).status_code == 429
