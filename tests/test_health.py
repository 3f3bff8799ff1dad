"""/healthz and /readyz, including a Neo4j outage and its recovery without restarting the API."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from localdb import Instance
from tests.conftest import GraphQL, error_codes


async def test_healthz_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_reports_neo4j_and_migrations(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "neo4j": "ok", "migrations": "applied"}


async def _ready_within(client: httpx.AsyncClient, seconds: float) -> int:
    status = 0
    for _ in range(int(seconds * 4)):
        status = (await client.get("/readyz")).status_code
        if status == 200:
            break
        await asyncio.sleep(0.25)
    return status


async def test_readyz_follows_a_neo4j_outage(client: httpx.AsyncClient, gql: GraphQL,
                                            local_neo4j: Instance | None) -> None:
    if local_neo4j is None:
        pytest.skip("needs the local test Neo4j, which this session can stop and start")
    await asyncio.to_thread(local_neo4j.stop)
    try:
        response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["neo4j"] == "unreachable"
        body = await gql("{ users(first: 1) { totalCount } }")
        assert error_codes(body) == ["UNAVAILABLE"]
        assert (await client.get("/healthz")).status_code == 200
    finally:
        await asyncio.to_thread(local_neo4j.start)
    assert await _ready_within(client, 30) == 200
    data = await gql.data("{ users(first: 1) { totalCount } }")
    assert data["users"]["totalCount"] > 0


async def test_queries_work_over_get(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ s3Areas { totalCount } }"})
    assert response.status_code == 200
    assert response.json()["data"] == {"s3Areas": {"totalCount": 16}}


async def test_readyz_is_503_when_the_database_does_not_exist(settings: Settings) -> None:
    misnamed = settings.model_copy(update={"neo4j_database": "nosuchdatabase"})
    application = create_app(misnamed)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


async def test_malformed_queries_and_variables_are_bad_user_input(gql: GraphQL) -> None:
    wrong_enum = await gql("query($p: Province!) { users(filter: {province: $p}) "
                           "{ totalCount } }", p="ROMA")
    assert error_codes(wrong_enum) == ["BAD_USER_INPUT"]
    assert "ROMA" in wrong_enum["errors"][0]["message"]
    assert error_codes(await gql("{ users(first: 1) { nope } }")) == ["BAD_USER_INPUT"]
    assert error_codes(await gql("{ users(")) == ["BAD_USER_INPUT"]
