"""Expressions of interest: submitting one (once per person, proposal and organization, even
when fifty arrive at once), withdrawing it, and the proposer's decision."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from app import ids
from schema.opportunities.transitions import INTEREST_TRANSITIONS
from tests.conftest import AsViewer, error_codes, run_test_cypher
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)

SUBMIT = """
mutation($input: SubmitExpressionOfInterestInput!) {
  submitExpressionOfInterest(input: $input) {
    expressionOfInterest { id status contribution message onBehalfOf { id }
                           proposal { id interestCount } }
    userErrors { field code }
  }
}"""
WITHDRAW = """
mutation($input: WithdrawExpressionOfInterestInput!) {
  withdrawExpressionOfInterest(input: $input) {
    expressionOfInterest { status } userErrors { field code }
  }
}"""
DECIDE = """
mutation($input: DecideExpressionOfInterestInput!) {
  decideExpressionOfInterest(input: $input) {
    expressionOfInterest { status } userErrors { field code }
  }
}"""
INTEREST_STATUSES = ("SUBMITTED", "RELEVANT", "REJECTED", "WITHDRAWN")


async def interests(workflow: Workflow, role: str, proposal_id: str) -> list[dict[str, Any]]:
    return await run_test_cypher(workflow.db, "interests_of", user=workflow.people[role],
                                 proposal=proposal_id)


async def status_of(workflow: Workflow, interest_id: str) -> str:
    [row] = await run_test_cypher(workflow.db, "interest_status", id=interest_id)
    status: str = row["status"]
    return status


async def test_interest_for_oneself_and_for_an_organization_once_each(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    proposal = await workflow.proposal("PUBLISHED")
    viewer = as_viewer(workflow.people["orgMember"])
    organization = ids.encode("Organization", workflow.organization)
    mine = (await viewer.data(SUBMIT, input={
        "proposal": proposal["gid"], "contribution": "Field trials", "message": "Hello"}))
    payload = mine["submitExpressionOfInterest"]
    assert payload["userErrors"] == []
    assert {key: payload["expressionOfInterest"][key] for key in (
        "status", "contribution", "message", "onBehalfOf", "proposal")} == {
        "status": "SUBMITTED", "contribution": "Field trials", "message": "Hello",
        "onBehalfOf": None, "proposal": {"id": proposal["gid"], "interestCount": 1}}
    company = (await viewer.data(SUBMIT, input={
        "proposal": proposal["gid"], "contribution": "Our lab", "onBehalfOf": organization}))
    assert company["submitExpressionOfInterest"]["expressionOfInterest"]["onBehalfOf"] == {
        "id": organization}
    for given in ({}, {"onBehalfOf": organization}):
        again = await viewer.data(SUBMIT, input={"proposal": proposal["gid"],
                                                 "contribution": "Again", **given})
        assert again["submitExpressionOfInterest"] == {
            "expressionOfInterest": None,
            "userErrors": [{"field": "proposal", "code": "ALREADY_DONE"}]}
    found = await interests(workflow, "orgMember", proposal["id"])
    assert sorted(row["organizations"] for row in found) == [[], [workflow.organization]]
    # the proposer hears of each
    notices = await run_test_cypher(workflow.db, "notices_about", subject=found[0]["id"])
    assert notices == [{"kind": "INTEREST_RECEIVED", "user": workflow.people["author"],
                        "read": False}]


async def test_fifty_concurrent_submissions_leave_one(as_viewer: AsViewer,
                                                      workflow: Workflow) -> None:
    proposal = await workflow.proposal("PUBLISHED")
    viewer = as_viewer(workflow.people["outsider"])
    bodies = await asyncio.gather(*(
        viewer(SUBMIT, input={"proposal": proposal["gid"], "contribution": f"Try {number}"})
        for number in range(50)))
    assert [body.get("errors") for body in bodies] == [None] * 50
    payloads = [body["data"]["submitExpressionOfInterest"] for body in bodies]
    assert sum(payload["userErrors"] == [] for payload in payloads) == 1
    assert all(payload["userErrors"] in ([], [{"field": "proposal", "code": "ALREADY_DONE"}])
               for payload in payloads)
    assert len(await interests(workflow, "outsider", proposal["id"])) == 1
    assert len(await workflow.notices((await interests(
        workflow, "outsider", proposal["id"]))[0]["id"])) == 1


async def test_interest_only_in_an_open_proposal_one_may_see(as_viewer: AsViewer,
                                                             workflow: Workflow) -> None:
    outsider = as_viewer(workflow.people["outsider"])
    for status in ("DRAFT", "TO_VALIDATE", "ARCHIVED"):
        proposal = await workflow.proposal(status)
        body = await outsider(SUBMIT, input={"proposal": proposal["gid"], "contribution": "Hello"})
        assert error_codes(body) == ["NOT_FOUND"], (status, body)
    closed = await workflow.proposal("CLOSED")
    body = await outsider.data(SUBMIT, input={"proposal": closed["gid"], "contribution": "Hello"})
    assert body["submitExpressionOfInterest"]["userErrors"] == [
        {"field": "proposal", "code": "INVALID_TRANSITION"}]
    published = await workflow.proposal("PUBLISHED")
    own = await as_viewer(workflow.people["author"]).data(
        SUBMIT, input={"proposal": published["gid"], "contribution": "Mine"})
    assert own["submitExpressionOfInterest"]["userErrors"] == [
        {"field": "proposal", "code": "NOT_ALLOWED"}]
    organization = ids.encode("Organization", workflow.organization)
    body = await outsider(SUBMIT, input={"proposal": published["gid"], "contribution": "Hello",
                                         "onBehalfOf": organization})
    assert error_codes(body) == ["FORBIDDEN"]
    body = await outsider(SUBMIT, input={
        "proposal": published["gid"], "contribution": "Hello",
        "onBehalfOf": ids.encode("Organization", str(uuid.uuid4()))})
    assert error_codes(body) == ["NOT_FOUND"]
    body = await as_viewer(None)(SUBMIT, input={"proposal": published["gid"],
                                                "contribution": "Hello"})
    assert error_codes(body) == ["UNAUTHENTICATED"]
    for role in ("outsider", "author"):
        for proposal in (closed, published):
            assert await interests(workflow, role, proposal["id"]) == []


async def test_withdrawing_is_for_the_author_only(as_viewer: AsViewer,
                                                  workflow: Workflow) -> None:
    proposal = await workflow.proposal("PUBLISHED", interest_status="SUBMITTED")
    given = {"expressionOfInterest": proposal["interestGid"]}
    for role in ("author", "orgAdmin", "facilitator"):
        body = await as_viewer(workflow.people[role])(WITHDRAW, input=given)
        assert error_codes(body) in (["NOT_FOUND"], ["FORBIDDEN"]), role
    assert await status_of(workflow, proposal["interest"]) == "SUBMITTED"
    body = await as_viewer(workflow.people["outsider"]).data(WITHDRAW, input=given)
    assert body["withdrawExpressionOfInterest"] == {
        "expressionOfInterest": {"status": "WITHDRAWN"}, "userErrors": []}


@pytest.mark.parametrize("decision", ["RELEVANT", "REJECTED"])
async def test_the_proposer_decides_and_the_author_hears_of_it(
        as_viewer: AsViewer, workflow: Workflow, decision: str) -> None:
    given = {"decision": decision}
    allowed = {"author": True, "orgAdmin": True, "admin": True, "orgMember": False,
               "facilitator": False, "outsider": False}
    for role, may in allowed.items():
        proposal = await workflow.proposal("PUBLISHED", interest_status="SUBMITTED",
                                           interested="twoWays")
        body = await as_viewer(workflow.people[role])(
            DECIDE, input={"expressionOfInterest": proposal["interestGid"], **given})
        if may:
            assert body["data"]["decideExpressionOfInterest"]["userErrors"] == [], role
            assert await status_of(workflow, proposal["interest"]) == decision
            assert await workflow.notices(proposal["interest"]) == [
                {"kind": "INTEREST_DECIDED", "user": workflow.people["twoWays"],
                 "read": False}]
        else:
            assert error_codes(body) in (["NOT_FOUND"], ["FORBIDDEN"]), role
            assert await status_of(workflow, proposal["interest"]) == "SUBMITTED"
            assert await workflow.notices(proposal["interest"]) == []


@pytest.mark.parametrize("name", ["withdraw", "decide"])
async def test_every_interest_transition_from_every_status(
        as_viewer: AsViewer, workflow: Workflow, name: str) -> None:
    transition = INTEREST_TRANSITIONS[name]
    text, actor, extra = ((WITHDRAW, "outsider", {}) if name == "withdraw"
                          else (DECIDE, "author", {"decision": "RELEVANT"}))
    for status in INTEREST_STATUSES:
        proposal = await workflow.proposal("PUBLISHED", interest_status=status)
        body = await as_viewer(workflow.people[actor]).data(
            text, input={"expressionOfInterest": proposal["interestGid"], **extra})
        [payload] = body.values()
        after = await status_of(workflow, proposal["interest"])
        if status in transition.sources:
            assert payload["userErrors"] == [] and after in transition.targets, status
        else:
            assert payload == {"expressionOfInterest": None, "userErrors": [
                {"field": "expressionOfInterest", "code": "INVALID_TRANSITION"}]}, status
            assert after == status
