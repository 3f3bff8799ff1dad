"""Webhooks through the API: registration (the secret once, the owner alone, addresses checked),
and deliveries to a receiver on loopback by an API process served by uvicorn: signed as the
README verifies, retried after failures with each attempt recorded, in seq order, disabled after
too many failures, replayed, and only of events the owner may see."""

from __future__ import annotations

import inspect
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import webhook_signing
from app.db import Database
from app.settings import Settings
from tests.community_probe import Workflow, workflow  # noqa: F401
from tests.conftest import GraphQL, Viewer, error_codes
from tests.live_api import ApiProcess
from tests.webhooks_api import (
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
    token_of,
    webhook_state,
)

README = Path(__file__).resolve().parent.parent / "README.md"
MAX_FAILURES = 3

REPLAY = """
mutation($webhook: ID!, $after: BigInt!) {
  replayWebhook(input: {webhook: $webhook, after: $after}) {
    webhook { enabled consecutiveFailures lastSeq } userErrors { field code }
  }
}"""
UPDATE = """
mutation($webhook: ID!, $url: String!, $community: ID, $renew: Boolean) {
  updateWebhook(input: {webhook: $webhook, url: $url, community: $community,
                        eventTypes: [DISCUSSION_CREATED], renewSecret: $renew}) {
    webhook { url } secret userErrors { field code }
  }
}"""
DELETE = """
mutation($webhook: ID!) {
  deleteWebhook(input: {webhook: $webhook}) { deletedWebhookId userErrors { code } }
}"""
MY_WEBHOOKS = "{ viewer { webhooks { totalCount edges { node { id url } } } } }"


@pytest.fixture(scope="module")
def hooks_api(settings: Settings, db: Database) -> Iterator[ApiProcess]:
    """The API process that delivers this module's webhooks (quick retries, few failures)."""
    api = delivering_api(settings, WEBHOOK_MAX_FAILURES=str(MAX_FAILURES))
    api.start()
    try:
        yield api
    finally:
        api.stop()


def _allowing(settings: Settings, allowed: bool, **more: Any) -> Settings:
    return settings.model_copy(update={"webhook_allow_private_addresses": allowed, **more})


@pytest.mark.parametrize("after", ["12a", "\x18D\xad", "1.5", " 1", "1_000", str(2**63), 2**63,
                                   -(2**63) - 1, 1.5, True])
async def test_a_seq_that_is_no_64_bit_whole_number_is_the_clients_mistake(
        gql: GraphQL, after: Any) -> None:
    """BigInt arguments (`after`) are refused as BAD_USER_INPUT, never as INTERNAL: in a
    variable and written in the query."""
    webhook = "V2ViaG9vazow"
    assert error_codes(await gql(REPLAY, webhook=webhook, after=after)) == ["BAD_USER_INPUT"]
    literal = (f"mutation {{ replayWebhook(input: {{webhook: \"{webhook}\", "
               f"after: {json.dumps(after)}}}) {{ clientMutationId }} }}")
    assert error_codes(await gql(literal)) == ["BAD_USER_INPUT"]


async def test_the_secret_is_shown_once_and_a_webhook_to_its_owner_only(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    owner = Viewer(db, _allowing(settings, True), workflow.users["manager"])
    other = Viewer(db, _allowing(settings, True), workflow.users["participant"])
    made = (await owner.data(REGISTER, url="http://127.0.0.1:9/hooks",
                             types=["DISCUSSION_CREATED"],
                             community=workflow.community("open")))["registerWebhook"]
    assert made["userErrors"] == []
    assert made["secret"].startswith("whsec_") and len(made["secret"]) > 40
    webhook = made["webhook"]
    assert webhook["enabled"] is True and webhook["eventTypes"] == ["DISCUSSION_CREATED"]
    assert webhook["community"] == {"id": workflow.community("open")}
    listed = (await owner.data(MY_WEBHOOKS))["viewer"]["webhooks"]
    assert [edge["node"]["id"] for edge in listed["edges"]] == [webhook["id"]]
    fields = (await owner.data('{ __type(name: "Webhook") { fields { name } } }'))["__type"]
    assert "secret" not in {field["name"] for field in fields["fields"]}

    assert (await other.data(MY_WEBHOOKS))["viewer"]["webhooks"]["totalCount"] == 0
    assert error_codes(await other(WEBHOOK, id=webhook["id"])) == ["NOT_FOUND"]
    for mutation, variables in ((REPLAY, {"after": "0"}), (DELETE, {}), (
            UPDATE, {"url": "http://127.0.0.1:9/other"})):
        assert error_codes(await other(mutation, webhook=webhook["id"],
                                       **variables)) == ["NOT_FOUND"]
    anonymous = Viewer(db, settings, None)
    assert error_codes(await anonymous(REGISTER, url="https://example.org/")) == [
        "UNAUTHENTICATED"]

    renewed = (await owner.data(UPDATE, webhook=webhook["id"], url="http://127.0.0.1:9/new",
                                renew=True))["updateWebhook"]
    assert renewed["webhook"] == {"url": "http://127.0.0.1:9/new"}
    assert renewed["secret"].startswith("whsec_") and renewed["secret"] != made["secret"]
    deleted = (await owner.data(DELETE, webhook=webhook["id"]))["deleteWebhook"]
    assert deleted == {"deletedWebhookId": webhook["id"], "userErrors": []}
    assert error_codes(await owner(WEBHOOK, id=webhook["id"])) == ["NOT_FOUND"]


@pytest.mark.parametrize(("url", "code"), [
    ("http://127.0.0.1:8000/hooks", "NOT_ALLOWED"),
    ("http://localhost/hooks", "NOT_ALLOWED"),
    ("http://[::1]/hooks", "NOT_ALLOWED"),
    ("http://10.0.0.7/hooks", "NOT_ALLOWED"),
    ("http://169.254.169.254/latest/meta-data", "NOT_ALLOWED"),
    ("ftp://example.org/hooks", "INVALID"),
    ("https://someone:secret@example.org/hooks", "INVALID"),
    ("not a url", "INVALID"),
])
async def test_an_address_webhooks_may_not_reach_is_refused(
        db: Database, settings: Settings, workflow: Workflow,  # noqa: F811
        url: str, code: str) -> None:
    owner = Viewer(db, _allowing(settings, False), workflow.users["manager"])
    result = (await owner.data(REGISTER, url=url))["registerWebhook"]
    assert result["webhook"] is None and result["secret"] is None
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [("url", code)]


async def test_private_addresses_are_accepted_where_the_setting_allows_them(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    owner = Viewer(db, _allowing(settings, True), workflow.users["manager"])
    result = (await owner.data(REGISTER, url="http://127.0.0.1:8000/hooks"))["registerWebhook"]
    assert result["userErrors"] == []


async def test_a_person_registers_at_most_the_configured_number_of_webhooks(
        db: Database, settings: Settings, workflow: Workflow) -> None:  # noqa: F811
    owner = Viewer(db, _allowing(settings, True, webhooks_per_user=2), workflow.users["reader"])
    for number in range(2):
        made = await owner.data(REGISTER, url=f"http://127.0.0.1:9/{number}")
        assert made["registerWebhook"]["userErrors"] == []
    refused = (await owner.data(REGISTER, url="http://127.0.0.1:9/3"))["registerWebhook"]
    assert [e["code"] for e in refused["userErrors"]] == ["TOO_MANY"]


async def test_a_delivery_is_signed_as_the_readme_verifies(
        hooks_api: ApiProcess, db: Database, settings: Settings,
        workflow: Workflow) -> None:  # noqa: F811
    assert inspect.getsource(webhook_signing.verify) in README.read_text(encoding="utf-8")
    owner, author = await owner_and_author(db, settings, workflow)
    async with Receiver() as receiver:
        made = await register(hooks_api, owner, receiver.url,
                               community=workflow.community("open"))
        discussion = await start_discussion(hooks_api, author, workflow.community("open"), "Signed")
        [received] = await receiver.accepted_count(1)
    secret, webhook = made["secret"], made["webhook"]["id"]
    signature = received.headers["webhook-signature"]
    assert webhook_signing.verify(secret, signature, received.body)
    assert not webhook_signing.verify(secret, signature, received.body.replace(b"}", b" }"))
    assert not webhook_signing.verify(secret + "x", signature, received.body)
    assert not webhook_signing.verify(secret, signature, received.body, now=time.time() + 600)
    assert received.method == "POST" and received.path == "/hooks"
    assert received.headers["content-type"] == "application/json"
    body = json.loads(received.body)
    assert body == {"webhook": webhook, "seq": body["seq"], "type": "DISCUSSION_CREATED",
                    "at": body["at"], "subjectType": "Discussion", "subjectId": discussion,
                    "payload": {"title": "Signed"}}
    assert int(body["seq"]) > int(made["webhook"]["lastSeq"])
    assert received.delivery_id == f"{webhook}-{body['seq']}"
    [delivery] = deliveries(await handled(hooks_api, owner, webhook, int(body["seq"])))
    assert delivery["deliveryId"] == received.delivery_id
    assert delivery["status"] == "DELIVERED" and delivery["attempts"] == 1


async def test_a_failing_receiver_gets_each_event_again_until_it_accepts_it_in_order(
        hooks_api: ApiProcess, db: Database, settings: Settings,
        workflow: Workflow) -> None:  # noqa: F811
    owner, author = await owner_and_author(db, settings, workflow)
    async with Receiver() as receiver:
        receiver.failing = MAX_FAILURES - 1
        made = await register(hooks_api, owner, receiver.url,
                               community=workflow.community("open"))
        discussions = [await start_discussion(hooks_api, author, workflow.community("open"),
                                         f"In order {number}") for number in range(3)]
        accepted = await receiver.accepted_count(3)
    assert [request.json["subjectId"] for request in accepted] == discussions
    seqs = [request.seq for request in receiver.requests]
    assert seqs == sorted(seqs)  # no later event before an earlier one was accepted
    first = receiver.requests[:MAX_FAILURES]
    assert [request.status for request in first] == [500] * (MAX_FAILURES - 1) + [200]
    assert {request.delivery_id for request in first} == {accepted[0].delivery_id}

    webhook = await handled(hooks_api, owner, made["webhook"]["id"], accepted[-1].seq)
    assert webhook["consecutiveFailures"] == 0 and webhook["nextAttemptAt"] is None
    assert webhook["lastSeq"] == str(accepted[-1].seq)
    by_id = {delivery["deliveryId"]: delivery for delivery in deliveries(webhook)}
    retried = by_id[accepted[0].delivery_id]
    assert retried["attempts"] == MAX_FAILURES and retried["status"] == "DELIVERED"
    assert retried["lastStatusCode"] == 200 and retried["lastError"] is None
    assert [by_id[request.delivery_id]["attempts"] for request in accepted[1:]] == [1, 1]


async def test_too_many_failures_disable_a_webhook_until_a_replay(
        hooks_api: ApiProcess, db: Database, settings: Settings,
        workflow: Workflow) -> None:  # noqa: F811
    owner, author = await owner_and_author(db, settings, workflow)
    async with Receiver() as receiver:
        receiver.always_failing = True
        made = await register(hooks_api, owner, receiver.url,
                               community=workflow.community("open"))
        webhook_id = made["webhook"]["id"]
        first = await start_discussion(hooks_api, author, workflow.community("open"), "Refused")

        async def disabled() -> dict[str, Any] | None:
            found = await webhook_state(hooks_api, owner, webhook_id)
            return None if found["enabled"] else found

        webhook = await eventually(disabled)
        assert webhook["disabledAt"] is not None
        assert webhook["consecutiveFailures"] == MAX_FAILURES
        [failed] = deliveries(webhook)
        assert failed["status"] == "FAILED" and failed["attempts"] == MAX_FAILURES
        assert failed["lastStatusCode"] == 500
        assert failed["lastError"] == "HTTP 500: Not today"
        assert len(receiver.requests) == MAX_FAILURES

        second = await start_discussion(hooks_api, author, workflow.community("open"), "Waits")
        receiver.always_failing = False
        replayed = (await hooks_api.data(REPLAY, owner, webhook=webhook_id,
                                         after=str(int(failed["seq"]) - 1)))["replayWebhook"]
        assert replayed["userErrors"] == []
        assert replayed["webhook"]["enabled"] is True
        assert replayed["webhook"]["consecutiveFailures"] == 0
        accepted = await receiver.accepted_count(2)
    assert [request.json["subjectId"] for request in accepted] == [first, second]
    assert accepted[0].delivery_id == receiver.requests[0].delivery_id
    by_id = {d["deliveryId"]: d for d in deliveries(await handled(hooks_api, owner, webhook_id,
                                                                  accepted[-1].seq))}
    assert by_id[accepted[0].delivery_id]["status"] == "DELIVERED"
    assert by_id[accepted[0].delivery_id]["attempts"] == MAX_FAILURES + 1


async def test_a_replay_sends_delivered_events_again_with_their_ids(
        hooks_api: ApiProcess, db: Database, settings: Settings,
        workflow: Workflow) -> None:  # noqa: F811
    owner, author = await owner_and_author(db, settings, workflow)
    async with Receiver() as receiver:
        made = await register(hooks_api, owner, receiver.url,
                               community=workflow.community("open"))
        for title in ("Once", "Twice"):
            await start_discussion(hooks_api, author, workflow.community("open"), title)
        before = await receiver.accepted_count(2)
        result = await hooks_api.data(REPLAY, owner, webhook=made["webhook"]["id"],
                                      after=made["webhook"]["lastSeq"])
        assert result["replayWebhook"]["userErrors"] == []
        again = (await receiver.accepted_count(4))[2:]
        beyond = await hooks_api.data(REPLAY, owner, webhook=made["webhook"]["id"],
                                      after=str(10**15))
    assert [r.delivery_id for r in again] == [r.delivery_id for r in before]
    assert [r.body for r in again] == [r.body for r in before]
    assert [(e["field"], e["code"]) for e in beyond["replayWebhook"]["userErrors"]] == [
        ("after", "OUT_OF_RANGE")]


async def test_only_events_the_owner_may_see_are_delivered(
        hooks_api: ApiProcess, db: Database, settings: Settings,
        workflow: Workflow) -> None:  # noqa: F811
    outsider = await token_of(db, settings, workflow, "outsider")
    author = await token_of(db, settings, workflow, "participant")
    async with Receiver() as receiver:
        made = await register(hooks_api, outsider, receiver.url, types=["DISCUSSION_CREATED"])
        hidden = await start_discussion(hooks_api, author, workflow.community("reserved"), "Hidden")
        shown = await start_discussion(hooks_api, author, workflow.community("open"), "Shown")
        requests = await receiver.wait_for(
            lambda requests: any(r.json["subjectId"] == shown for r in requests))
    assert hidden not in {request.json["subjectId"] for request in requests}
    await handled(hooks_api, outsider, made["webhook"]["id"],
                  max(request.seq for request in requests))


async def test_a_changed_webhook_sends_to_its_new_url_signed_with_its_new_secret(
        hooks_api: ApiProcess, db: Database, settings: Settings,
        workflow: Workflow) -> None:  # noqa: F811
    owner, author = await owner_and_author(db, settings, workflow)
    async with Receiver() as old, Receiver() as new:
        made = await register(hooks_api, owner, old.url, community=workflow.community("open"))
        changed = (await hooks_api.data(UPDATE, owner, webhook=made["webhook"]["id"],
                                        url=new.url, community=workflow.community("open"),
                                        renew=True))["updateWebhook"]
        assert changed["userErrors"] == []
        await start_discussion(hooks_api, author, workflow.community("open"), "Moved")
        [received] = await new.accepted_count(1)
    assert old.requests == []
    signature = received.headers["webhook-signature"]
    assert webhook_signing.verify(changed["secret"], signature, received.body)
    assert not webhook_signing.verify(made["secret"], signature, received.body)

