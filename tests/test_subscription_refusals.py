"""Subscriptions refused over WebSocket as operations are over HTTP, against a production API
served by uvicorn: the limits and the rate limit answer an `error` message with
`extensions.code` (and log no traceback), dry runs are for HTTP, and no message suggests the
schema's names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from app.db import Database
from app.settings import Settings
from tests.accounts_api import bearer_token
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.live_api import ApiProcess, Subscriber, subscriber

DISCUSSIONS = "subscription { events(types: [DISCUSSION_CREATED]) { subjectId } }"
# a signed-in person's budget here: a few subscribes
POINTS = 3


@pytest.fixture(scope="module")
def production(settings: Settings, db: Database,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiProcess]:
    """A production API (suggestions off) whose signed-in people have POINTS points, its log
    kept."""
    api = ApiProcess(settings, ENV="production", LOG_LEVEL="INFO",
                     RATE_LIMIT_POINTS=str(POINTS))
    api.log = tmp_path_factory.mktemp("log") / "api.log"
    api.start()
    try:
        yield api
    finally:
        api.stop()


async def refusal(client: Subscriber, payload: dict[str, Any]) -> dict[str, Any]:
    """The one error of the `error` message answering a subscribe with `payload`."""
    client.next_id += 1
    operation = str(client.next_id)
    await client.connection.send(json.dumps({"id": operation, "type": "subscribe",
                                             "payload": payload}))
    message = await client.receive()
    assert message["id"] == operation and message["type"] == "error", message
    [error] = message["payload"]
    assert isinstance(error, dict)
    return error


def aliased(count: int) -> str:
    return "subscription { " + " ".join(
        f"a{number}: events {{ subjectId }}" for number in range(count)) + " }"


async def test_a_subscription_over_a_limit_is_refused_with_its_code(
        production: ApiProcess) -> None:
    async with subscriber(production) as client:
        aliases = await refusal(client, {"query": aliased(40)})
        tokens = await refusal(client, {"query": "subscription { events { " + "a " * 6000 +
                                        "} }"})
        # the connection goes on serving
        await client.subscribe(DISCUSSIONS)
        await client.nothing_for(0.5)
    assert aliases["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "aliases" in aliases["message"]
    assert tokens["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "tokens" in tokens["message"]
    logged = production.logged()
    assert "Traceback" not in logged and "Exception in worker task" not in logged


async def test_a_dry_run_is_for_http(production: ApiProcess) -> None:
    async with subscriber(production) as client:
        error = await refusal(client, {"query": DISCUSSIONS, "extensions": {"dryRun": True}})
        await client.nothing_for(0.5)  # and no subscription started
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("dry runs are for HTTP")


@pytest.mark.parametrize("query", [
    "subscription { events { subjectIdd } }",
    "subscription { events(types: [DISCUSSION_CREATD]) { subjectId } }",
    "subscription { events(typess: [DISCUSSION_CREATED]) { subjectId } }",
])
async def test_production_suggests_no_names_over_websocket(production: ApiProcess,
                                                           query: str) -> None:
    async with subscriber(production) as client:
        error = await refusal(client, {"query": query})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Did you mean" not in error["message"], error


async def test_subscribes_spend_the_identitys_budget(
        production: ApiProcess, settings: Settings, db: Database,
        workflow: Workflow) -> None:  # noqa: F811
    token = await bearer_token(db, settings, workflow.users["reader"])
    async with subscriber(production, token) as client:
        for _ in range(POINTS):
            await client.subscribe(DISCUSSIONS)
        await client.nothing_for(0.5)  # each of them started
        error = await refusal(client, {"query": DISCUSSIONS})
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfter"] > 0
    # the person's budget, not the connection's
    async with subscriber(production, token) as client:
        again = await refusal(client, {"query": DISCUSSIONS})
    assert again["extensions"]["code"] == "RATE_LIMITED"
