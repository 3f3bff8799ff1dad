"""Fixtures: a real Neo4j for the whole session, the application, and a GraphQL client.

Without NEO4J_URI the session starts its own local Neo4j (instance `test`: its own folder and
Bolt port, fresh data), applies the migrations, loads the demo data, and stops the server at
the end. With NEO4J_URI it uses that server as it is (migrated and seeded the same way).
A local Redis (`localredis` instance `test`) runs only for the tests that ask for `redis_server`.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

import localredis
from app import cypher, migrations
from app.context import Context
from app.db import Database, begin_stats, connect
from app.file_store import FileStore
from app.main import create_app
from app.settings import Settings, get_settings
from localdb import Instance, instance
from schema import schema
from seeds.__main__ import DEMO_SCALE
from seeds.load import seed

DEMO_SEED = 42


@pytest.fixture(scope="session")
def local_neo4j() -> Iterator[Instance | None]:
    """The local test server this session started, or None when NEO4J_URI names another."""
    if get_settings().neo4j_uri:  # from the environment or .env
        yield None
        return
    server = instance("test")
    server.stop()
    server.wipe()
    server.start()
    os.environ.update(NEO4J_URI=server.uri, NEO4J_PASSWORD=server.password(), ENV="test")
    get_settings.cache_clear()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[localredis.Instance]:
    """The local test Redis (its own folder and port), started the first time a test asks for
    it, fetched from Debian's packages if needed, and stopped at the end of the session."""
    server = localredis.instance("test")
    server.stop()  # one left running by an interrupted session
    server.start()
    try:
        yield server
    finally:
        server.stop()


# Tests check what happens, not how fast: on a busy machine Neo4j may take seconds to plan a
# statement it meets for the first time, which the production time-out would cut short.
TEST_QUERY_TIMEOUT = 120.0


@pytest.fixture(scope="session")
def settings(local_neo4j: Instance | None,
             tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The environment's settings, with document bytes kept in a folder of this session, no
    webhook deliveries and, unless QUERY_TIMEOUT and REQUEST_TIMEOUT are set, time-outs that
    allow for a busy machine."""
    update: dict[str, object] = {"documents_path": tmp_path_factory.mktemp("documents"),
                                 # Webhooks are delivered only by the processes the webhook
                                 # tests start with settings of their own, never by another
                                 # process of the session competing for their endpoints.
                                 "webhook_delivery": False,
                                 # The whole session asks from one address: the rate limit's
                                 # own tests use applications with small budgets.
                                 "rate_limit_points": 10**9,
                                 "rate_limit_anonymous_points": 10**9,
                                 # every shape the tests ask compiles (the bound's own test
                                 # lowers it)
                                 "compiled_statements_max": 10**6}
    if "QUERY_TIMEOUT" not in os.environ:
        update["query_timeout"] = TEST_QUERY_TIMEOUT
    if "REQUEST_TIMEOUT" not in os.environ:
        update["request_timeout"] = TEST_QUERY_TIMEOUT
    return get_settings().model_copy(update=update)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db(settings: Settings) -> AsyncIterator[Database]:
    """A database handle for checks beside the API, on a migrated and seeded graph."""
    async with connect(settings) as database:
        await migrations.apply(database)
        await seed(database, DEMO_SEED, DEMO_SCALE)
        await database.run_schema(cypher_text("probe_index"))
        yield database


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def app(settings: Settings, db: Database) -> AsyncIterator[Starlette]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest_asyncio.fixture(loop_scope="session")
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


class Answers:
    """A client whose call returns a GraphQL response body; `data` asserts it has no errors."""

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        raise NotImplementedError

    async def data(self, query: str, **variables: Any) -> dict[str, Any]:
        """The `data` of a response that must have no errors."""
        body = await self(query, **variables)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result


class GraphQL(Answers):
    """Posts operations to /graphql and returns the decoded response."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        response = await self.http.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQL:
    return GraphQL(client)


class Viewer(Answers):
    """Executes operations on the schema as the person `viewer_id` (None: anonymous), the way
    a request of a signed-in person will once sign-in exists; answers shaped like GraphQL's.

    Every query answered by compiled execution (schema/compiled) is asked again the normal
    way, and the two answers must be the same: each test's queries check both paths."""

    def __init__(self, db: Database, settings: Settings, viewer_id: str | None,
                 check_compiled: bool = True) -> None:
        self.db = db
        self.settings = settings
        self.viewer_id = viewer_id
        self.check_compiled = check_compiled

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        body = await self._execute(self.settings, query, variables)
        if self.check_compiled and body.get("extensions", {}).get("cypher", {}).get("compiled"):
            normal = await self._execute(
                self.settings.model_copy(update={"compiled_execution": False}), query, variables)
            assert {key: normal.get(key) for key in ("data", "errors")} == \
                {key: body.get(key) for key in ("data", "errors")}, \
                f"compiled execution answered otherwise than the normal path: {query}"
        return body

    async def _execute(self, settings: Settings, query: str,
                       variables: dict[str, Any]) -> dict[str, Any]:
        context = Context(db=self.db, settings=settings, stats=begin_stats(),
                          viewer_id=self.viewer_id, files=FileStore(settings.documents_path))
        result = await schema.execute(query, variable_values=variables, context_value=context)
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = [error.formatted for error in result.errors]
        if result.extensions:
            body["extensions"] = result.extensions
        return body


@pytest.fixture
def as_viewer(db: Database, settings: Settings) -> Callable[[str | None], Viewer]:
    """`as_viewer(user_id)` runs operations as that person (None: anonymous)."""
    return lambda viewer_id: Viewer(db, settings, viewer_id)


AsViewer = Callable[[str | None], Viewer]


def cypher_text(statement: str) -> str:
    """The text of the statement `tests/cypher/<statement>.cypher`."""
    return (cypher.CYPHER_ROOT.parent / "tests" / "cypher" / f"{statement}.cypher").read_text()


async def run_test_cypher(db: Database, statement: str, **parameters: Any) -> list[dict[str, Any]]:
    """Run a statement from `tests/cypher/` (test set-up and checks beside the API)."""
    return [record.data() for record in await db.write(cypher_text(statement), parameters)]


def error_codes(body: dict[str, Any]) -> list[str]:
    """The `extensions.code` of every error in a response."""
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The fuzzing run goes last: what its generated mutations write meets no later test."""
    items.sort(key=lambda item: item.get_closest_marker("fuzz") is not None)
