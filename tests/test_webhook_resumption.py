"""Webhook deliveries beyond one process: deliveries pending when the API stops are made, in
order, by the process started after it; two replicas deliver each event once, in order; and an
address is checked again at delivery, by the process that delivers. No other process delivers
while these tests run."""

from __future__ import annotations

import asyncio
from typing import Any

from app.db import Database
from app.settings import Settings
from app.webhooks import WebhookDispatcher
from schema.events.access import visible_pairs
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.conftest import Viewer
from tests.webhooks_api import (
    CREATE_DISCUSSION,
    REGISTER,
    WEBHOOK,
    Receiver,
    deliveries,
    delivering_api,
    eventually,
    handled,
    owner_and_author,
    register,
    start_discussion,
    webhook_state,
)

# Enough for the receiver to stay away as long as the test needs.
PATIENT = {"WEBHOOK_MAX_FAILURES": "1000"}


async def test_pending_deliveries_resume_in_order_after_a_restart(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    owner, author = await owner_and_author(db, settings, workflow)
    community = workflow.community("open")
    receiver = Receiver()  # not listening yet: every attempt fails to connect
    first = delivering_api(settings, **PATIENT)
    await asyncio.to_thread(first.start)
    try:
        webhook = (await register(first, owner, receiver.url, community=community))["webhook"]
        discussions = [await start_discussion(first, author, community, f"Pending {number}")
                       for number in range(3)]

        async def retried() -> dict[str, Any] | None:
            found = deliveries(await webhook_state(first, owner, webhook["id"]))
            return found[0] if found and found[0]["attempts"] >= 2 else None

        pending = await eventually(retried)
    finally:
        await asyncio.to_thread(first.stop)
    assert pending["status"] == "PENDING" and pending["lastStatusCode"] is None
    assert pending["lastError"]

    async with receiver:
        second = delivering_api(settings, **PATIENT)
        await asyncio.to_thread(second.start)
        try:
            accepted = await receiver.accepted_count(3)
            state = await handled(second, owner, webhook["id"], accepted[-1].seq)
        finally:
            await asyncio.to_thread(second.stop)
    assert [request.json["subjectId"] for request in accepted] == discussions
    assert receiver.requests == accepted  # each once, the first one included
    assert accepted[0].delivery_id == pending["deliveryId"]
    made = {delivery["deliveryId"]: delivery for delivery in deliveries(state)}
    assert [made[request.delivery_id]["status"] for request in accepted] == ["DELIVERED"] * 3
    assert made[pending["deliveryId"]]["attempts"] > pending["attempts"]
    assert state["lastSeq"] == str(accepted[-1].seq) and state["consecutiveFailures"] == 0


async def test_two_replicas_deliver_each_event_once_and_in_order(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    owner, author = await owner_and_author(db, settings, workflow)
    community = workflow.community("open")
    replicas = [delivering_api(settings), delivering_api(settings)]
    await asyncio.gather(*(asyncio.to_thread(replica.start) for replica in replicas))
    try:
        async with Receiver() as receiver:
            receiver.delay = 0.05  # long enough for both replicas to want the next event
            webhook = (await register(replicas[0], owner, receiver.url,
                                      community=community))["webhook"]
            discussions = [await start_discussion(replicas[number % 2], author, community,
                                                  f"Replicated {number}")
                           for number in range(10)]
            accepted = await receiver.accepted_count(10)
            await handled(replicas[1], owner, webhook["id"], accepted[-1].seq)
    finally:
        await asyncio.gather(*(asyncio.to_thread(replica.stop) for replica in replicas))
    assert [request.json["subjectId"] for request in accepted] == discussions
    assert receiver.requests == accepted


async def test_the_address_is_checked_again_by_the_process_that_delivers(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    allowing = settings.model_copy(update={"webhook_allow_private_addresses": True})
    owner = Viewer(db, allowing, workflow.users["manager"])
    author = Viewer(db, settings, workflow.users["participant"])
    strict = settings.model_copy(update={
        "webhook_delivery": True, "webhook_allow_private_addresses": False,
        "webhook_retry_base_seconds": 0.1, "webhook_retry_max_seconds": 0.2,
        "webhook_poll_seconds": 0.2, "webhook_max_failures": 1000})
    async with Receiver() as receiver:
        made = (await owner.data(REGISTER, url=receiver.url,
                                 community=workflow.community("open")))["registerWebhook"]
        assert made["userErrors"] == []
        await author.data(CREATE_DISCUSSION, community=workflow.community("open"),
                          title="Not for loopback")
        dispatcher = WebhookDispatcher(db, strict, visible_pairs)
        await dispatcher.start()
        try:

            async def refused() -> dict[str, Any] | None:
                found = deliveries((await owner.data(WEBHOOK, id=made["webhook"]["id"]))["node"])
                return found[0] if found and found[0]["attempts"] >= 2 else None

            delivery = await eventually(refused)
        finally:
            await dispatcher.stop()
    assert receiver.requests == []
    assert delivery["status"] == "PENDING" and delivery["lastStatusCode"] is None
    assert "an address webhooks may not reach" in delivery["lastError"]
