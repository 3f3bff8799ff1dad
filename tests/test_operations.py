"""What operators see: /metrics, the request id, the log lines, masked errors; and what
production hides (introspection, suggestions) or refuses (mutations over GET)."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from starlette.applications import Starlette

from app import ids
from app.db import Database
from app.logs import JsonFormatter
from app.main import create_app
from app.settings import Settings
from tests.accounts_api import LOGIN, REGISTER, VIEWER, People, api_from
from tests.conftest import error_codes
from tests.live_api import ApiProcess
from tests.test_accounts import people  # noqa: F401  (the fixture)

AREAS = "query Areas { s3Areas { totalCount } }"


@asynccontextmanager
async def serving(settings: Settings, **update: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an application of its own, with `update` applied to the settings."""
    application = create_app(settings.model_copy(update=update))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


class Lines(logging.Handler):
    """Every log line written meanwhile, formatted as in production (JSON)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def parsed(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines]


@contextmanager
def log_lines(level: int = logging.INFO) -> Iterator[Lines]:
    root = logging.getLogger()
    handler, previous = Lines(), root.level
    root.addHandler(handler)
    root.setLevel(level)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def samples(text: str, name: str, **labels: str) -> list[float]:
    """The values of the samples `name` whose labels include `labels`."""
    return [sample.value for family in text_string_to_metric_families(text)
            for sample in family.samples
            if sample.name == name and labels.items() <= sample.labels.items()]


async def post(http: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None,
               headers: dict[str, str] | None = None) -> dict[str, Any]:
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}},
                               headers=headers or {})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_metrics_count_operations_latency_and_cypher(settings: Settings,
                                                           db: Database) -> None:
    async with serving(settings) as http:
        for _ in range(2):
            await post(http, AREAS)
        await post(http, "{ s3Areas { totalCount } }")
        assert error_codes(await post(http, "query Broken { s3Areas { nope } }")) == [
            "BAD_USER_INPUT"]
        failed = await post(http, LOGIN, {"email": f"nobody-{uuid.uuid4().hex}@example.org",
                                          "password": "not a password"})
        assert failed["data"]["login"]["userErrors"]
        await post(http, "query Broken {")
        response = await http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    operations = "graphql_operations_total"
    assert samples(text, operations, operation="Areas", type="query", outcome="ok") == [2]
    assert samples(text, operations, operation="(anonymous)", outcome="ok") == [1]
    assert samples(text, operations, operation="Broken", outcome="BAD_USER_INPUT") == [1]
    assert samples(text, operations, operation="(unparsed)", outcome="BAD_USER_INPUT") == [1]
    assert samples(text, operations, type="mutation", outcome="user_error") == [1]
    assert samples(text, "graphql_operation_duration_seconds_count", operation="Areas") == [2]
    assert samples(text, "graphql_operation_duration_seconds_bucket", operation="Areas",
                   le="+Inf") == [2]
    assert samples(text, "graphql_operation_cypher_round_trips_count", type="query")[0] >= 3
    assert samples(text, "neo4j_round_trips_total")[0] >= 3
    assert samples(text, "neo4j_pool_max_connections") == [settings.neo4j_max_pool_size]
    assert sum(samples(text, "neo4j_pool_connections")) >= 1
    assert samples(text, "neo4j_statements_in_flight") == [0]
    assert samples(text, "graphql_websocket_connections") == [0]
    assert samples(text, "graphql_subscriptions_active") == [0]
    assert samples(text, "http_requests_total", route="/graphql", method="POST",
                   status="200") == [6]
    assert samples(text, "process_resident_memory_bytes")[0] > 0


async def test_operation_names_beyond_the_limit_share_one_label(settings: Settings,
                                                                db: Database) -> None:
    async with serving(settings, metrics_max_operations=2) as http:
        for name in ("First", "Second", "Third", "Fourth", "First"):
            await post(http, f"query {name} {{ s3Areas {{ totalCount }} }}")
        text = (await http.get("/metrics")).text
    assert samples(text, "graphql_operations_total", operation="First") == [2]
    assert samples(text, "graphql_operations_total", operation="Second") == [1]
    assert samples(text, "graphql_operations_total", operation="(other)") == [2]
    assert samples(text, "graphql_operations_total", operation="Third") == []


async def test_made_up_methods_do_not_make_new_metric_series(settings: Settings,
                                                             db: Database) -> None:
    async with serving(settings) as http:
        for number in range(3):
            await http.request(f"FOO{number}", "/graphql")
        text = (await http.get("/metrics")).text
    assert "FOO" not in text
    assert 'method="OTHER"' in text


async def test_metrics_need_the_token_in_production(settings: Settings, db: Database) -> None:
    async with serving(settings, env="production") as http:
        assert (await http.get("/metrics")).status_code == 404
    token = uuid.uuid4().hex
    async with serving(settings, env="production", metrics_token=SecretStr(token)) as http:
        refused = await http.get("/metrics")
        wrong = await http.get("/metrics", headers={"Authorization": "Bearer wrong"})
        allowed = await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == wrong.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert allowed.status_code == 200
    assert "graphql_operations_total" in allowed.text or "graphql_operations" in allowed.text


async def test_request_id_is_kept_or_made_and_returned(client: httpx.AsyncClient) -> None:
    sent = f"probe-{uuid.uuid4().hex}"
    kept = await client.post("/graphql", json={"query": AREAS}, headers={"X-Request-ID": sent})
    assert kept.headers["x-request-id"] == sent
    made = await client.post("/graphql", json={"query": AREAS})
    insane = await client.get("/healthz", headers={"X-Request-ID": "a@b.example with spaces"})
    for response in (made, insane):
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
    assert made.headers["x-request-id"] != insane.headers["x-request-id"]


async def test_a_request_writes_one_json_line(app: Starlette, db: Database, settings: Settings,
                                              people: People) -> None:  # noqa: F811
    sent = f"probe-{uuid.uuid4().hex}"
    async with api_from(app) as api:
        person = await people.registered(api)
        token = (await api.data(LOGIN, email=person["email"],
                                password=person["password"]))["login"]["accessToken"]
        with log_lines() as captured:
            await api.raw("query Me { viewer { id } }",
                          {"Authorization": f"Bearer {token}", "X-Request-ID": sent})
    lines = [line for line in captured.parsed() if line.get("requestId") == sent]
    assert len(lines) == 1, captured.lines
    line = lines[0]
    assert line["logger"] == "app.requests"
    assert line["level"] == "INFO"
    assert line["operationName"] == "Me"
    assert line["operationType"] == "query"
    assert line["outcome"] == "ok"
    assert line["status"] == 200
    assert line["path"] == "/graphql"
    assert line["viewerId"] == ids.parse(person["id"])[1]  # the node id, as in the graph
    assert line["durationMs"] > 0
    assert line["cypherRoundTrips"] >= 1
    assert "cost" in line


NUMERIC_PASSWORD = 73019284756381


async def test_logs_hold_no_password_email_or_token(app: Starlette, people: People  # noqa: F811
                                                    ) -> None:
    person = people.new()
    with log_lines(logging.DEBUG) as captured:
        async with api_from(app) as api:
            registered = await api.data(REGISTER, **person)
            assert registered["register"]["userErrors"] == []
            people.ids.append(registered["register"]["user"]["id"])
            signed_in = (await api.data(LOGIN, email=person["email"],
                                        password=person["password"]))["login"]
            await api.data(VIEWER, signed_in["accessToken"])
            await api(LOGIN, email=person["email"], password="wrong " + person["password"])
            await api(VIEWER, "not-a-valid-token." + signed_in["accessToken"])
            # a password of the wrong type: GraphQL's message would quote it
            refused = await api(LOGIN, email=person["email"], password=NUMERIC_PASSWORD)
            assert error_codes(refused) == ["BAD_USER_INPUT"]
        logging.getLogger("app").warning("could not reach %s with %s", person["email"],
                                         f"Bearer {signed_in['accessToken']}")
    text = "\n".join(captured.lines)
    assert "app.requests" in text
    for secret in (person["password"], person["email"], person["email"].lower(),
                   str(NUMERIC_PASSWORD),
                   signed_in["accessToken"], signed_in["refreshToken"]):
        assert secret not in text


async def test_internal_errors_carry_the_request_id(app: Starlette, client: httpx.AsyncClient,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the disk of someone@example.org is on fire")

    monkeypatch.setattr(app.state.db, "read", broken)
    sent = f"probe-{uuid.uuid4().hex}"
    with log_lines() as captured:
        body = await post(client, AREAS, headers={"X-Request-ID": sent})
    monkeypatch.undo()
    assert body["errors"][0]["extensions"] == {"code": "INTERNAL", "requestId": sent}
    assert body["errors"][0]["message"] == "Unexpected error."
    assert "fire" not in json.dumps(body)
    logged = [line for line in captured.parsed() if line.get("requestId") == sent]
    failure = next(line for line in logged if line["level"] == "ERROR")
    assert "the disk of [email] is on fire" in failure["exception"]
    assert any(line.get("outcome") == "INTERNAL" for line in logged)


INTROSPECTION = "{ __schema { queryType { name } } }"
MISSPELLED = "{ s3Areas { totalCont } }"


async def test_development_answers_introspection_and_suggests(client: httpx.AsyncClient) -> None:
    body = await post(client, INTROSPECTION)
    assert body["data"] == {"__schema": {"queryType": {"name": "Query"}}}
    misspelled = await post(client, MISSPELLED)
    assert "Did you mean 'totalCount'?" in misspelled["errors"][0]["message"]


async def test_production_refuses_introspection_and_does_not_suggest(
        settings: Settings, db: Database) -> None:
    async with serving(settings, env="production") as http:
        introspection = await post(http, INTROSPECTION)
        single_type = await post(http, '{ __type(name: "User") { fields { name } } }')
        misspelled = await post(http, MISSPELLED)
        wrong_enum = await post(http, 'query($p: Province!) { users(filter: {province: $p}) '
                                '{ totalCount } }', {"p": "ROMAA"})
        typename = await post(http, "{ __typename s3Areas { totalCount } }")
        ide = await http.get("/graphql", headers={"Accept": "text/html"})
    for refused in (introspection, single_type):
        assert refused["data"] is None
        assert set(error_codes(refused)) == {"BAD_USER_INPUT"}
        assert "introspection" in refused["errors"][0]["message"]
    assert error_codes(misspelled) == ["BAD_USER_INPUT"]
    assert misspelled["errors"][0]["message"] == (
        "Cannot query field 'totalCont' on type 'S3AreaConnection'.")
    assert error_codes(wrong_enum) == ["BAD_USER_INPUT"]
    assert "Did you mean" not in wrong_enum["errors"][0]["message"]
    assert typename["data"]["__typename"] == "Query"
    assert "graphiql" not in ide.text.lower()


async def test_a_document_is_validated_once_for_each_environment_s_rules(
        client: httpx.AsyncClient, settings: Settings, db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from strawberry.schema.schema import validate_document

    validated: list[str] = []

    def counted(*arguments: Any) -> Any:
        validated.append("once")
        return validate_document(*arguments)

    monkeypatch.setattr("app.extensions.validate_document", counted)
    # a document no other test sends, so that none was validated before
    alias = f"p{uuid.uuid4().hex}"
    unique = f"{{ {alias}: __schema {{ queryType {{ name }} }} }}"
    first, again = await post(client, unique), await post(client, unique)
    assert validated == ["once"]
    async with serving(settings, env="production") as http:
        production = await post(http, unique)
    assert validated == ["once", "once"]  # production's rules refuse introspection
    after = await post(client, unique)
    assert validated == ["once", "once"]
    for answered in (first, again, after):
        assert "errors" not in answered
        assert answered["data"] == {alias: {"queryType": {"name": "Query"}}}
    assert production["data"] is None and set(error_codes(production)) == {"BAD_USER_INPUT"}


def refused(response: httpx.Response) -> str:
    """The message of a 400 BAD_USER_INPUT answered with a GraphQL error body."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["data"] is None and error_codes(body) == ["BAD_USER_INPUT"], body
    message: str = body["errors"][0]["message"]
    return message


async def test_mutations_are_refused_over_get(client: httpx.AsyncClient,
                                              people: People) -> None:  # noqa: F811
    person = people.new()
    response = await client.get("/graphql", params={
        "query": REGISTER, "variables": json.dumps(person)})
    assert "mutations are not allowed when using GET" in refused(response)
    # nothing was registered: the same person registers over POST
    body = await post(client, REGISTER, person)
    assert body["data"]["register"]["userErrors"] == []
    people.ids.append(body["data"]["register"]["user"]["id"])


async def test_malformed_requests_are_refused_with_a_code(client: httpx.AsyncClient) -> None:
    unknown = await client.post("/graphql", json={"query": AREAS, "operationName": "Other"})
    not_json = await client.post("/graphql", content=b"{not json",
                                 headers={"Content-Type": "application/json"})
    query_type = await client.post("/graphql", json={"query": 42})
    variables_type = await client.post("/graphql", json={"query": AREAS, "variables": "{}"})
    get_variables = await client.get("/graphql", params={"query": AREAS, "variables": "[1]"})
    get_not_json = await client.get("/graphql", params={"query": AREAS, "variables": "{x"})
    assert "Other" in refused(unknown)
    assert "JSON" in refused(not_json)
    assert "`query`" in refused(query_type)
    assert "`variables`" in refused(variables_type)
    assert "`variables`" in refused(get_variables)  # a value of the wrong type, not a batch
    assert "JSON" in refused(get_not_json)


async def test_json_logs_scrub_the_fields_of_a_line(client: httpx.AsyncClient) -> None:
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"
    with log_lines() as captured:
        await client.get(f"/reset/alice@example.org/{token}")
    [line] = [line for line in captured.parsed() if line["logger"] == "app.requests"]
    assert line["path"] == "/reset/[email]/[token]"
    assert "alice@example.org" not in "\n".join(captured.lines)
    assert token not in "\n".join(captured.lines)


async def test_a_client_gone_before_its_body_is_no_server_error(
        settings: Settings, db: Database, tmp_path: Path) -> None:
    api = ApiProcess(settings, LOG_LEVEL="INFO")
    api.log = tmp_path / "api.log"
    api.start()
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", api.port)
        writer.write(b"POST /graphql HTTP/1.1\r\nHost: api\r\nContent-Type: application/json"
                     b"\r\nContent-Length: 1000\r\n\r\n{\"query\": ")
        await writer.drain()
        await asyncio.sleep(0.5)  # the request is being read
        writer.close()
        await writer.wait_closed()
        async with httpx.AsyncClient(base_url=api.url) as http:
            for _ in range(50):
                text = (await http.get("/metrics")).text
                if samples(text, "http_requests_total", route="/graphql"):
                    break
                await asyncio.sleep(0.1)
    finally:
        api.stop()
    assert samples(text, "http_requests_total", route="/graphql", status="499") == [1]
    assert samples(text, "http_requests_total", status="500") == []
    logged = api.logged()
    assert "status=499" in logged
    assert "unhandled error" not in logged and "Traceback" not in logged
