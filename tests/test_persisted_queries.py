"""Persisted queries over HTTP: Apollo's automatic persisted queries (POST and GET), and the
mode in which only registered operations run."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app import ids
from app.db import Database
from app.main import create_app
from app.persisted_queries import ENTRY_OVERHEAD_BYTES
from app.settings import Settings
from tests.accounts_api import bearer_token
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.conftest import error_codes, run_test_cypher
from tests.live_api import ApiProcess, subscriber


def unique_query() -> str:
    """A query text no other test sends (so no process knows its hash yet)."""
    return f"query Probe{uuid.uuid4().hex} {{ __typename s3Areas(first: 1) {{ totalCount }} }}"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def persisted(text: str, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": digest(text)}}


async def post(http: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    """The body of a GraphQL POST, which must be answered with 200."""
    response = await http.post("/graphql", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def get(http: httpx.AsyncClient, token: str | None = None,
              **params: Any) -> httpx.Response:
    """A GraphQL GET, as a CDN would forward it (objects in the query string as JSON)."""
    encoded = {key: json.dumps(value) if isinstance(value, dict) else value
               for key, value in params.items()}
    signed = {"Authorization": f"Bearer {token}"} if token else {}
    return await http.get("/graphql", params=encoded, headers={"Accept": "*/*", **signed})


@asynccontextmanager
async def client_of(settings: Settings, **update: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an application with other settings."""
    application = create_app(settings.model_copy(update=update))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_a_hash_is_learned_from_the_query_sent_after_a_miss(
        client: httpx.AsyncClient) -> None:
    query = unique_query()
    missed = await post(client, extensions=persisted(query))
    assert missed["errors"] == [{"message": "PersistedQueryNotFound",
                                 "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    assert missed["data"] is None

    full = await post(client, query=query, extensions=persisted(query))
    assert "errors" not in full and full["data"]["__typename"] == "Query"

    by_hash = await post(client, extensions=persisted(query))
    assert by_hash["data"] == full["data"]


async def test_a_persisted_query_runs_over_get(client: httpx.AsyncClient) -> None:
    query = "query($first: Int) { competences(first: $first) { totalCount } }" + \
        f" # {uuid.uuid4()}"
    missed = await get(client, extensions=persisted(query))
    assert missed.status_code == 200
    assert error_codes(missed.json()) == ["PERSISTED_QUERY_NOT_FOUND"]

    learned = await get(client, query=query, extensions=persisted(query),
                        variables={"first": 1})
    assert learned.status_code == 200 and "errors" not in learned.json(), learned.text

    cached = await get(client, extensions=persisted(query), variables={"first": 1})
    assert cached.status_code == 200
    assert cached.json()["data"] == learned.json()["data"]


async def test_a_persisted_mutation_still_never_runs_over_get(
        client: httpx.AsyncClient) -> None:
    mutation = (f"mutation Probe{uuid.uuid4().hex} "
                "{ logout(input: {}) { userErrors { code } } }")
    learned = await post(client, query=mutation, extensions=persisted(mutation))
    assert error_codes(learned) == ["UNAUTHENTICATED"]  # ran, anonymously, and was kept

    refused = await get(client, extensions=persisted(mutation))
    assert refused.status_code == 400
    assert error_codes(refused.json()) == ["BAD_USER_INPUT"]
    assert "mutations are not allowed when using GET" in refused.text


async def test_only_anonymous_answers_over_get_may_be_kept_by_caches(
        client: httpx.AsyncClient, settings: Settings, db: Database,
        workflow: Workflow) -> None:  # noqa: F811
    query = unique_query()
    missed = await get(client, extensions=persisted(query))
    await get(client, query=query, extensions=persisted(query))
    anonymous = await get(client, extensions=persisted(query))
    token = await bearer_token(db, settings, workflow.users["reader"])
    signed = await get(client, token, extensions=persisted(query))
    assert "errors" not in anonymous.json() and "errors" not in signed.json()
    assert anonymous.headers["cache-control"] == \
        f"public, max-age={settings.public_cache_seconds}"
    assert anonymous.headers["vary"] == "Authorization"
    # the person's own answer, with their rate limit: for them only
    assert signed.headers["cache-control"] == "private, no-store"
    assert signed.headers["ratelimit-remaining"]
    # an error (here a miss) is kept by no cache
    assert missed.headers["cache-control"] == "no-store"
    async with client_of(settings, public_cache_seconds=0) as http:
        uncached = await get(http, query=query)
    assert uncached.headers["cache-control"] == "private, no-store"


async def test_a_wrong_hash_is_refused_and_not_learned(client: httpx.AsyncClient) -> None:
    query, other = unique_query(), unique_query()
    refused = await post(client, query=query, extensions=persisted(other))
    assert refused["errors"][0]["message"] == "provided sha does not match query"
    assert error_codes(refused) == ["BAD_USER_INPUT"] and refused["data"] is None

    for text in (query, other):
        assert error_codes(await post(client, extensions=persisted(text))) == [
            "PERSISTED_QUERY_NOT_FOUND"]


async def test_an_invalid_query_is_not_learned(client: httpx.AsyncClient) -> None:
    query = f"query Probe{uuid.uuid4().hex} {{ noSuchField }}"
    invalid = await post(client, query=query, extensions=persisted(query))
    assert error_codes(invalid) == ["BAD_USER_INPUT"]
    assert error_codes(await post(client, extensions=persisted(query))) == [
        "PERSISTED_QUERY_NOT_FOUND"]


@pytest.mark.parametrize("extensions", [
    {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}},
    {"persistedQuery": {"version": 1, "sha256Hash": "not a hash"}},
    {"persistedQuery": "0" * 64},
])
async def test_a_malformed_persisted_query_is_refused(client: httpx.AsyncClient,
                                                      extensions: dict[str, Any]) -> None:
    assert error_codes(await post(client, extensions=extensions)) == ["BAD_USER_INPUT"]


async def test_the_least_recently_used_query_is_forgotten_first(settings: Settings) -> None:
    first, second, third = unique_query(), unique_query(), unique_query()
    # two of them (they are of one length), each with what an entry costs beside its text
    room = 2 * (len(first.encode()) + ENTRY_OVERHEAD_BYTES)
    async with client_of(settings, persisted_queries_cache_bytes=room) as http:
        for text in (first, second):
            assert "errors" not in await post(http, query=text, extensions=persisted(text))
        assert "errors" not in await post(http, extensions=persisted(first))  # used again
        assert "errors" not in await post(http, query=third, extensions=persisted(third))
        assert error_codes(await post(http, extensions=persisted(second))) == [
            "PERSISTED_QUERY_NOT_FOUND"]
        for text in (first, third):
            assert "errors" not in await post(http, extensions=persisted(text))


def write_manifest(folder: Path, texts: list[str], apollo: bool = False) -> Path:
    """A manifest of `texts`: `{sha256: query}`, or Apollo's persisted query manifest."""
    path = folder / "manifest.json"
    if apollo:
        manifest: Any = {"format": "apollo-persisted-query-manifest", "version": 1,
                         "operations": [{"id": digest(text), "body": text, "name": "Probe",
                                         "type": "query"} for text in texts]}
    else:
        manifest = {digest(text): text for text in texts}
    path.write_text(json.dumps(manifest))
    return path


async def test_a_text_that_is_not_unicode_is_refused_as_a_wrong_hash(
        client: httpx.AsyncClient, settings: Settings, tmp_path: Path) -> None:
    """A lone surrogate (valid JSON, `\\ud800`, but no UTF-8 text) matches no hash and no
    registered query: refused as those are, not an internal error."""
    def body(**fields: Any) -> str:
        return json.dumps({"query": "{ __typename }\ud800", **fields})

    async def sent(http: httpx.AsyncClient, content: str) -> dict[str, Any]:
        response = await http.post("/graphql", content=content,
                                   headers={"Content-Type": "application/json"})
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    refused = await sent(client, body(extensions=persisted("{ __typename }")))
    assert refused["errors"][0]["message"] == "provided sha does not match query"
    assert error_codes(refused) == ["BAD_USER_INPUT"] and refused["data"] is None
    path = write_manifest(tmp_path, [unique_query()])
    async with client_of(settings, persisted_queries_only=True,
                         persisted_queries_path=path) as http:
        assert error_codes(await sent(http, body())) == ["PERSISTED_QUERY_REQUIRED"]


@pytest.mark.parametrize("apollo", [False, True])
async def test_only_registered_operations_run_when_so_set(
        settings: Settings, tmp_path: Path, apollo: bool) -> None:
    registered, other = unique_query(), unique_query()
    path = write_manifest(tmp_path, [registered], apollo)
    async with client_of(settings, persisted_queries_only=True,
                         persisted_queries_path=path) as http:
        by_hash = await post(http, extensions=persisted(registered))
        assert "errors" not in by_hash and by_hash["data"]["__typename"] == "Query"
        by_text = await post(http, query=registered)  # its very text is registered too
        assert by_text["data"] == by_hash["data"]
        get_by_hash = await get(http, extensions=persisted(registered))
        assert get_by_hash.status_code == 200 and get_by_hash.json()["data"] == by_hash["data"]

        for refused in (await post(http, query=other),
                        await post(http, extensions=persisted(other)),
                        # and sending the text does not register it
                        await post(http, query=other, extensions=persisted(other)),
                        await post(http, extensions=persisted(other))):
            assert refused["data"] is None
            assert error_codes(refused) == ["PERSISTED_QUERY_REQUIRED"]


async def test_a_folder_of_graphql_files_registers_operations(
        settings: Settings, tmp_path: Path) -> None:
    registered = unique_query() + "\n"
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "probe.graphql").write_text(registered)
    async with client_of(settings, persisted_queries_only=True,
                         persisted_queries_path=tmp_path) as http:
        assert "errors" not in await post(http, extensions=persisted(registered))
        assert error_codes(await post(http, query="{ __typename }")) == [
            "PERSISTED_QUERY_REQUIRED"]


def test_a_manifest_whose_hash_is_not_its_querys_is_refused_at_start(
        settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"0" * 64: "{ __typename }"}))
    with pytest.raises(ValueError, match="is not the SHA-256 of its query"):
        create_app(settings.model_copy(update={"persisted_queries_path": path}))


def test_only_registered_operations_needs_a_list_of_them() -> None:
    with pytest.raises(ValueError, match="PERSISTED_QUERIES_ONLY needs PERSISTED_QUERIES_PATH"):
        Settings(persisted_queries_only=True)


async def test_an_upload_may_name_its_operation_by_hash(
        client: httpx.AsyncClient, db: Database, settings: Settings) -> None:
    [person] = await run_test_cypher(db, "busiest_user")
    headers = {"GraphQL-Require-Preflight": "1",
               "Authorization": f"Bearer {await bearer_token(db, settings, person['id'])}"}
    upload = (f"mutation Probe{uuid.uuid4().hex}($subject: ID!, $file: Upload!) "
              "{ uploadDocument(input: {subject: $subject, title: \"t\", file: $file}) "
              "{ document { id } } }")

    async def send(**operation: Any) -> dict[str, Any]:
        operation["variables"] = {"subject": ids.encode("Project", str(uuid.uuid4())),
                                  "file": None}
        response = await client.post("/graphql", headers=headers, data={
            "operations": json.dumps(operation), "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("plan.pdf", b"%PDF-1.4", "application/pdf")})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    assert error_codes(await send(extensions=persisted(upload))) == [
        "PERSISTED_QUERY_NOT_FOUND"]
    # a project that does not exist: the upload runs, writes nothing, and is kept
    assert error_codes(await send(query=upload, extensions=persisted(upload))) == ["NOT_FOUND"]
    assert error_codes(await send(extensions=persisted(upload))) == ["NOT_FOUND"]


async def test_only_registered_subscriptions_run_when_so_set(
        settings: Settings, db: Database, tmp_path: Path) -> None:
    registered = (f"subscription Probe{uuid.uuid4().hex} "
                  "{ events(types: [NEWS_PUBLISHED]) { seq } }")
    other = registered.replace("NEWS_PUBLISHED", "NEWS_UPDATED")
    api = ApiProcess(settings, PERSISTED_QUERIES_ONLY="true",
                     PERSISTED_QUERIES_PATH=str(write_manifest(tmp_path, [registered])))
    try:
        api.start()
        async with subscriber(api) as client:

            async def subscribe(operation: str, **payload: Any) -> None:
                await client.connection.send(json.dumps(
                    {"id": operation, "type": "subscribe", "payload": payload}))

            await subscribe("by-hash", extensions=persisted(registered))
            await subscribe("by-text", query=registered)
            await subscribe("other", query=other)
            await subscribe("other-hash", extensions=persisted(other))
            refused = [await client.receive(), await client.receive()]
            await client.nothing_for(1.0)  # the registered ones run (no event has come yet)
    finally:
        api.stop()
    assert {message["id"] for message in refused} == {"other", "other-hash"}
    for message in refused:
        assert message["type"] == "error"
        assert message["payload"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
