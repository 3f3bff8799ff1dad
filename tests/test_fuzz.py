"""A fuzzing run: schemathesis generates operations from the schema and sends them to the API
as served (uvicorn, a process of its own), anonymously and signed in; none may end in a 5xx
or an INTERNAL error.

Queries run as a seeded person with many ties (who sees more than anyone anonymous) and as
nobody; mutations as nobody and as a person registered for the run; every operation also goes
out a few times with arguments of the wrong type or shape (schemathesis's negative mode), as
nobody. IDs are generated at random, so a mutation finds no node of anyone else and what it
writes is that person's own (organizations, communities, proposals... with made-up names),
besides the people that `register` adds. Tests count only what they made themselves, and the
run goes last in a session (tests/conftest.py), so no test after it meets those writes either.
`logout` and `changePassword` are left out signed in: they would end the run's own session.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import graphql
import pytest
import pytest_asyncio
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core.result import Ok
from schemathesis.core.transport import Response
from schemathesis.generation.case import Case
from schemathesis.graphql import nodes
from schemathesis.schemas import APIOperation

from app import ids
from app.db import Database
from app.settings import Settings
from tests.accounts_api import LOGIN, REGISTER, bearer_token
from tests.conftest import run_test_cypher
from tests.live_api import ROOT, ApiProcess

# Examples per operation and identity (derandomized: every run sends the same requests).
QUERY_EXAMPLES = 12
MUTATION_EXAMPLES = 6
INVALID_EXAMPLES = 4
# Signed in, these would end the run's own session.
SESSION_ENDING = {"Mutation.logout", "Mutation.changePassword"}

pytestmark = pytest.mark.fuzz

# The schema's own scalars, each as well-formed values and as any text at all.
texts = st.text(max_size=40).map(nodes.String)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str)
schemathesis.graphql.scalar("Decimal", st.one_of(decimals.map(nodes.String), texts))
schemathesis.graphql.scalar("BigInt", st.one_of(st.integers().map(nodes.Int),
                                                st.integers().map(str).map(nodes.String), texts))
schemathesis.graphql.scalar("Date", st.one_of(st.dates().map(str).map(nodes.String), texts))
schemathesis.graphql.scalar("DateTime", st.one_of(
    st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat).map(nodes.String), texts))
schemathesis.graphql.scalar("JSON", st.one_of(texts, st.integers().map(nodes.Int)))
schemathesis.graphql.scalar("Upload", texts)  # a file cannot travel in JSON: refused
# IDs: any text, and well-formed global IDs of every node type (of nothing: a random uuid),
# which get past decoding into the statements that look them up.
SDL = ROOT / "schema.graphql"
NODE_TYPES = sorted(name for name, kind in graphql.build_schema(SDL.read_text()).type_map.items()
                    if isinstance(kind, graphql.GraphQLObjectType)
                    and any(interface.name == "Node" for interface in kind.interfaces))
global_ids = st.builds(ids.encode, st.sampled_from(NODE_TYPES), st.uuids().map(str))
schemathesis.graphql.scalar("ID", st.one_of(global_ids.map(nodes.String), texts))


class Tally:
    """Requests sent, how they were answered, and what went wrong."""

    def __init__(self) -> None:
        self.sent: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()  # HTTP status and the first error's code
        self.failures: list[str] = []

    def check(self, label: str, who: str, case: Case[Any], response: Response) -> None:
        """Count the request; note a 5xx answer, an INTERNAL error, or a rate limit (which
        would keep the rest of the run from reaching the API)."""
        self.sent[label] += 1
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None  # a plain-text refusal (400 for a malformed request)
        errors = (body.get("errors") if isinstance(body, dict) else None) or []
        codes = [(error.get("extensions") or {}).get("code") for error in errors]
        self.outcomes[f"{response.status_code} {codes[0] if codes else 'data'}"] += 1
        if response.status_code >= 500 or "INTERNAL" in codes or response.status_code == 429:
            self.failures.append(f"{label} as {who}: HTTP {response.status_code} for "
                                 f"{case.body!r}: {response.content[:500]!r}")


@pytest.fixture(scope="module")
def fuzzed_api(settings: Settings, db: Database) -> Iterator[ApiProcess]:
    """The API the run sends to: a process of its own, whose rate limit (one client address
    sending every anonymous request) lets the whole run through and whose sign-in throttling
    no other test shares."""
    api = ApiProcess(settings, RATE_LIMIT_POINTS=str(10**9),
                     RATE_LIMIT_ANONYMOUS_POINTS=str(10**9))
    api.start()
    try:
        yield api
    finally:
        api.stop()


@pytest_asyncio.fixture(loop_scope="session")
async def tokens(fuzzed_api: ApiProcess, db: Database, settings: Settings) -> dict[str, str]:
    """Bearer tokens: `seeded` of a seeded person with many ties, `fresh` of one registered for
    this run."""
    [busiest] = await run_test_cypher(db, "busiest_user")
    name = f"fuzz{uuid.uuid4().hex[:12]}"
    person = {"email": f"{name}@example.org", "handle": name,
              "password": f"fuzz-{uuid.uuid4().hex}", "name": "Fuzz Run"}
    await fuzzed_api.data(REGISTER, **person)
    signed_in = await fuzzed_api.data(LOGIN, email=person["email"], password=person["password"])
    return {"seeded": await bearer_token(db, settings, busiest["id"]),
            "fresh": signed_in["login"]["accessToken"]}


def fuzz(operation: APIOperation[Any, Any, Any, Any], endpoint: str, token: str | None, who: str,
         session: requests.Session, tally: Tally,
         mode: GenerationMode = GenerationMode.POSITIVE) -> None:
    """Send the generated examples of one operation, as `token`'s person (None: anonymous):
    valid operations, or (NEGATIVE) operations with arguments of the wrong type or shape."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    examples = MUTATION_EXAMPLES if operation.label.startswith("Mutation.") else QUERY_EXAMPLES
    if mode is GenerationMode.NEGATIVE:
        examples = INVALID_EXAMPLES

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def send(case: Case[Any]) -> None:
        response = case.call(base_url=endpoint, session=session, headers=headers, timeout=60)
        tally.check(operation.label, who, case, response)

    send()


def test_generated_operations_never_fail_on_the_server(fuzzed_api: ApiProcess,
                                                      tokens: dict[str, str]) -> None:
    """Every query and mutation, with generated arguments and selections: no 5xx answer, no
    INTERNAL error, and over 1,000 requests in all."""
    # The committed SDL is the schema the code serves (tests/test_schema.py); reading it spares
    # the run an introspection query, which production settings may refuse.
    schema = schemathesis.graphql.from_path(SDL)
    endpoint = f"{fuzzed_api.url}/graphql"
    tally = Tally()
    started = time.monotonic()
    with requests.Session() as session:
        for result in schema.get_all_operations():
            assert isinstance(result, Ok), result
            operation = result.ok()
            fuzz(operation, endpoint, None, "anonymous", session, tally)
            fuzz(operation, endpoint, None, "anonymous", session, tally, GenerationMode.NEGATIVE)
            if operation.label.startswith("Query."):
                fuzz(operation, endpoint, tokens["seeded"], "a seeded person", session, tally)
            elif operation.label not in SESSION_ENDING:
                fuzz(operation, endpoint, tokens["fresh"], "the run's person", session, tally)
    total = sum(tally.sent.values())
    print(f"fuzzing: {total} requests, {len(tally.sent)} operations, "
          f"{time.monotonic() - started:.0f} s; answers: {dict(tally.outcomes.most_common())}")
    assert tally.failures == []
    assert total >= 1000
