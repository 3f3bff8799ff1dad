"""Direct answers (schema/compiled/direct.py) are the whole way's answers: the same requests
sent, in the same order, to an application answering directly and to one sending everything
through strawberry give the same status, headers, body (the rate limit's remaining points
included) and log lines, in development, in production and with registered queries only;
what the direct path cannot answer goes the whole way and is charged once."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app import graphql, ids
from app.db import Database
from app.settings import Settings
from benchmarks.peer_compare import CAST
from benchmarks.peer_lists import QUESTIONS
from tests.accounts_api import bearer_token
from tests.test_compiled_execution import WIDE_NESTED, WIDE_PROFILE
from tests.test_operations import log_lines, serving

pytestmark = pytest.mark.asyncio(loop_scope="session")

PROFILE = "query Profile($h: String!) { user(handle: $h) { displayName headline } }"
# What varies from one request to the next whichever way it is answered.
VARYING_HEADERS = {"x-request-id", "ratelimit-reset", "content-length"}
VARYING_FIELDS = {"resetSeconds", "milliseconds", "requestId"}
VARYING_LOG_FIELDS = {"durationMs", "cypherMs", "requestId", "time", "timestamp"}
Answer = tuple[int, dict[str, str], str, list[dict[str, Any]]]
Request = tuple[dict[str, Any] | str, dict[str, str]]


def _without_varying(value: Any) -> Any:
    """A body without what varies from one request to the next: the seconds until the rate
    limit's window starts again, the statements' time, the request's id."""
    if isinstance(value, dict):
        return {key: _without_varying(item) for key, item in value.items()
                if key not in VARYING_FIELDS}
    if isinstance(value, list):
        return [_without_varying(item) for item in value]
    return value


async def _ask(http: httpx.AsyncClient, body: dict[str, Any] | str,
               headers: dict[str, str]) -> Answer:
    """The answer's status, headers, body (written again in the order of its keys: the same
    keys in the same order) and the log lines written meanwhile, without what varies."""
    with log_lines() as logged:
        if isinstance(body, str):  # sent as it is
            response = await http.post("/graphql", content=body,
                                       headers={"content-type": "application/json", **headers})
        else:
            response = await http.post("/graphql", json=body, headers=headers)
    kept = {name: value for name, value in response.headers.items()
            if name not in VARYING_HEADERS}
    lines = [{key: value for key, value in line.items() if key not in VARYING_LOG_FIELDS}
             for line in logged.parsed() if not line.get("logger", "").startswith("httpx")]
    return (response.status_code, kept, json.dumps(_without_varying(response.json())),
            lines)


class BothWays:
    """Two applications on the same settings and database, one answering directly, one not,
    each asked from the same client address; `ask` sends a request to both and returns both
    answers, and counts the direct path's compiled reads."""

    def __init__(self, whole_way: httpx.AsyncClient, direct: httpx.AsyncClient) -> None:
        self.whole_way = whole_way
        self.direct = direct
        self.direct_reads = 0
        self.environment = "development"

    async def ask(self, body: dict[str, Any] | str,
                  headers: dict[str, str] | None = None) -> tuple[Answer, Answer]:
        return (await _ask(self.whole_way, body, headers or {}),
                await _ask(self.direct, body, headers or {}))


@asynccontextmanager
async def _both_ways(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                     **update: Any) -> AsyncIterator[BothWays]:
    async with AsyncExitStack() as stack:
        whole_way = await stack.enter_async_context(
            serving(settings, direct_answers=False, **update))
        direct = await stack.enter_async_context(serving(settings, direct_answers=True, **update))
        both = BothWays(whole_way, direct)
        answered = graphql.compiled_answer  # type: ignore[attr-defined]

        async def counted(*args: Any) -> Any:
            both.direct_reads += 1
            return await answered(*args)

        monkeypatch.setattr(graphql, "compiled_answer", counted)
        yield both


# The settings each pair of applications is compared under.
ENVIRONMENTS: dict[str, dict[str, Any]] = {
    "development": {},
    "production": {"env": "production"},
    "registered queries only": {"persisted_queries_only": True},
}


@pytest.fixture(params=list(ENVIRONMENTS))
async def both_ways(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[BothWays]:
    # the node limit of the benchmark (the three-level list of 100 asks for a million); the
    # profile registered
    manifest = tmp_path / "registered.json"
    manifest.write_text(json.dumps({hashlib.sha256(PROFILE.encode()).hexdigest(): PROFILE}))
    async with _both_ways(settings, monkeypatch, max_query_nodes=10**7,
                          persisted_queries_path=manifest,
                          **ENVIRONMENTS[request.param]) as both:
        both.environment = request.param
        yield both


def _requests(cast: dict[str, Any], token: str) -> list[tuple[str, Request]]:
    """Requests the direct path answers, and requests it leaves to the whole way."""
    signed_in = {"Authorization": f"Bearer {token}"}
    profile = {"query": PROFILE, "variables": {"h": cast["handle"]}}
    text = "query Wide($handle: String!, $after: String) {" + WIDE_PROFILE.split("{", 1)[1]
    digest = hashlib.sha256(text.encode()).hexdigest()
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    asked: list[tuple[str, Request]] = [
        (question.name, ({"query": question.ours_query,
                          "variables": question.ours_variables(cast)}, {}))
        for question in QUESTIONS]
    asked += [
        ("the profile, signed in", (profile, signed_in)),
        ("a nested list", ({"query": WIDE_NESTED, "variables": {"first": 5, "withEmail": True}},
                           {})),
        ("a persisted query's hash before its text", (
            {"extensions": persisted, "variables": {"handle": cast["handle"]}}, {})),
        ("a persisted query's text and hash", (
            {"query": text, "extensions": persisted, "variables": {"handle": cast["handle"]}},
            {})),
        ("a persisted query's hash", (
            {"extensions": persisted, "variables": {"handle": cast["handle"]}}, {})),
        ("a hash that is not the text's", (
            {"query": PROFILE, "variables": {"h": cast["handle"]}, "extensions": persisted},
            {})),
        ("a lookup of nobody", ({"query": PROFILE, "variables": {"h": "nobody-at-all"}}, {})),
        ("a refused page size", ({"query": "{ communities(first: 1000) { totalCount } }"}, {})),
        ("a malformed global ID", ({"query": "query($id: ID!) { node(id: $id) { id } }",
                                    "variables": {"id": "not-an-id"}}, {})),
        ("an organization of nothing", ({"query": "query($id: ID!) { node(id: $id) { id } }",
                                         "variables": {"id": ids.encode(
                                             "Organization", str(uuid.UUID(int=7)))}}, {})),
        ("a variable of the wrong type", ({"query": PROFILE, "variables": {"h": 7}}, {})),
        ("a variable missing", ({"query": PROFILE}, {})),
        ("a field that does not exist", ({"query": "{ user(handle: \"x\") { salary } }"}, {})),
        ("a document that does not parse", ({"query": "{ user(handle: "}, {})),
        ("no query", ({"variables": {}}, {})),
        ("a query of the wrong type", ({"query": 7}, {})),
        ("variables of the wrong type", ({"query": PROFILE, "variables": [1]}, {})),
        ("an operation not in the document", ({**profile, "operationName": "Other"}, {})),
        ("two operations, one named", ({"query": PROFILE + " query Other { __typename }",
                                        "operationName": "Other"}, {})),
        ("a dry run", ({**profile, "extensions": {"dryRun": True}}, {})),
        ("a mutation", ({"query": "mutation { logout { userErrors { code } } }"}, {})),
        ("refused credentials", (profile, {"Authorization": "Bearer not-a-token"})),
        ("introspection", ({"query": "{ __schema { queryType { name } } }"}, {})),
        ("a document over the depth limit", (
            {"query": "{ __typename " + "node(id: \"x\") { ... on User { " * 30
             + "id" + " } }" * 30 + " }"}, {})),
        ("a batch", ('[{"query": "{ __typename }"}]', {})),
        ("not JSON", ("{", {})),
        ("typename alone", ({"query": "{ __typename }"}, {})),
        ("an extension of another kind", ({**profile, "extensions": {"tracing": True}}, {})),
        ("a signed-in body that is not JSON", ("{", signed_in)),
        ("a signed-in batch", ('[{"query": "{ __typename }"}]', signed_in)),
        ("a lone surrogate sent with a hash", (
            '{"query": "{ __typename }\\ud800", "extensions": {"persistedQuery": '
            '{"version": 1, "sha256Hash": "' + "0" * 64 + '"}}}', {})),
        ("the registered profile", ({"query": PROFILE, "variables": {"h": cast["handle"]}},
                                    {})),
        ("the registered profile by its hash", ({"extensions": {"persistedQuery": {
            "version": 1, "sha256Hash": hashlib.sha256(PROFILE.encode()).hexdigest()}},
            "variables": {"h": cast["handle"]}}, {})),
    ]
    return asked


async def test_every_request_is_answered_as_the_whole_way_answers_it(
        both_ways: BothWays, db: Database, settings: Settings) -> None:
    cast = (await db.read(CAST))[0].data()
    [person] = await db.read("MATCH (u:User {handle: $handle}) RETURN u.id AS id",
                             {"handle": cast["handle"]})
    token = await bearer_token(db, settings, person["id"])
    differences, direct_reads = [], {}
    for name, (body, headers) in _requests(cast, token):
        before = both_ways.direct_reads
        whole_way, direct = await both_ways.ask(body, headers)
        if whole_way != direct:
            differences.append((name, whole_way, direct))
        direct_reads[name] = both_ways.direct_reads - before
    assert differences == []
    # what is answered directly, and what is not
    answered = ["the registered profile", "the registered profile by its hash"]
    if both_ways.environment != "registered queries only":
        answered += [question.name for question in QUESTIONS] + [
            "the profile, signed in", "a nested list", "a persisted query's hash",
            "a persisted query's text and hash", "typename alone", "a lookup of nobody"]
    assert {name: direct_reads[name] for name in answered} == dict.fromkeys(answered, 1)
    left = ["a persisted query's hash before its text", "a hash that is not the text's",
            "a refused page size", "a variable of the wrong type", "a dry run", "a mutation",
            "refused credentials", "introspection", "a batch", "a document that does not parse",
            "a document over the depth limit", "an extension of another kind",
            "a signed-in body that is not JSON", "a lone surrogate sent with a hash"]
    assert {name: direct_reads[name] for name in left} == dict.fromkeys(left, 0)


async def test_a_direct_answer_writes_the_whole_way_s_log_line(
        both_ways: BothWays, db: Database) -> None:
    cast = (await db.read(CAST))[0].data()
    body = {"query": PROFILE, "variables": {"h": cast["handle"]}}  # named by its document
    whole_way, direct = await both_ways.ask(body)
    assert whole_way[3] == direct[3]
    [line] = [line for line in direct[3] if line["logger"] == "app.requests"]
    assert (line["operationName"], line["compiled"], line["cypherRoundTrips"]) == \
        ("Profile", True, 1)
    assert both_ways.direct_reads == 1


async def _asked_past_the_budget(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                  body: dict[str, Any]) -> list[Answer]:
    """The answers to `body` asked eight times of each application on a budget of six
    points, checked the same both ways: answered until the budget falls short, refused from
    then on; each answer read directly once."""
    async with _both_ways(settings, monkeypatch, rate_limit_anonymous_points=6) as both:
        answers = [await both.ask(body) for _ in range(8)]
    assert [whole_way for whole_way, _ in answers] == [direct for _, direct in answers]
    statuses = [whole_way[0] for whole_way, _ in answers]
    answered = statuses.count(200)
    assert 0 < answered < len(statuses) and statuses == sorted(statuses)
    assert both.direct_reads == answered
    return [direct for _, direct in answers]


async def test_a_lookup_of_nothing_is_charged_once(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The direct read finds nothing and gives its points back: the whole way, which answers,
    charges the operation; so the budget runs out after as many requests either way."""
    nobody = {"query": PROFILE, "variables": {"h": "nobody-at-all"}}
    answers = await _asked_past_the_budget(settings, monkeypatch, nobody)
    assert json.loads(answers[0][2])["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_budget_that_falls_short_refuses_the_direct_query_as_the_whole_way(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, db: Database) -> None:
    cast = (await db.read(CAST))[0].data()
    body = {"query": PROFILE, "variables": {"h": cast["handle"]}}
    answers = await _asked_past_the_budget(settings, monkeypatch, body)
    _, headers, refused, _ = answers[-1]
    assert json.loads(refused)["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert "retry-after" in headers
