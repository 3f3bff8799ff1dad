"""Notifications that mutations send (a proposal's publication reaches exactly the people it
matches, at most PUBLICATION_NOTICES of them, the best matches first), and marking them read."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from app import ids
from schema.opportunities import transitions
from tests.conftest import AsViewer, error_codes
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)

VALIDATE = """
mutation($input: ValidateProposalInput!) {
  validateProposal(input: $input) { proposal { status } userErrors { code } }
}"""
MARK = """
mutation($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    markedCount viewer { unreadNotificationCount } userErrors { field code }
  }
}"""
UNREAD = """
query {
  viewer {
    unreadNotificationCount
    notifications(unreadOnly: true, first: 100) { totalCount edges { node { id } } }
  }
}"""


async def test_a_publication_reaches_exactly_the_matching_people(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    proposal = await workflow.proposal("TO_VALIDATE", tagged=True)
    body = await as_viewer(workflow.people["facilitator"]).data(
        VALIDATE, input={"proposal": proposal["gid"]})
    assert body["validateProposal"] == {"proposal": {"status": "PUBLISHED"}, "userErrors": []}
    people = workflow.people
    # interested in its area; skilled in a narrower competence than the one it seeks;
    # both ways; not the author (interested in its area too), nobody else
    matching = sorted(people[role] for role in ("areaFan", "narrowSkill", "twoWays"))
    assert await workflow.notices(proposal["id"]) == [
        {"kind": "PROPOSAL_PUBLISHED", "user": user, "read": False} for user in matching]
    untagged = await workflow.proposal("TO_VALIDATE")
    await as_viewer(people["admin"]).data(VALIDATE, input={"proposal": untagged["gid"]})
    assert await workflow.notices(untagged["id"]) == []


async def test_a_publication_reaches_the_best_matches_first_within_the_bound(
        as_viewer: AsViewer, workflow: Workflow, monkeypatch: pytest.MonkeyPatch) -> None:
    row = transitions.PROPOSAL_TRANSITIONS["validate"]
    monkeypatch.setitem(transitions.PROPOSAL_TRANSITIONS, "validate",
                        dataclasses.replace(row, notices=1))
    proposal = await workflow.proposal("TO_VALIDATE", tagged=True)
    await as_viewer(workflow.people["facilitator"]).data(VALIDATE,
                                                          input={"proposal": proposal["gid"]})
    assert await workflow.notices(proposal["id"]) == [
        {"kind": "PROPOSAL_PUBLISHED", "user": workflow.people["twoWays"], "read": False}]


async def test_marking_read_some_then_all_agrees_with_the_unread_count(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    for _ in range(3):
        proposal = await workflow.proposal("TO_VALIDATE", tagged=True)
        await as_viewer(workflow.people["facilitator"]).data(
            VALIDATE, input={"proposal": proposal["gid"]})
    viewer = as_viewer(workflow.people["areaFan"])
    before = (await viewer.data(UNREAD))["viewer"]
    assert before["unreadNotificationCount"] == before["notifications"]["totalCount"] == 3
    first = before["notifications"]["edges"][0]["node"]["id"]
    marked = (await viewer.data(MARK, input={"ids": [first, first]}))["markNotificationsRead"]
    assert marked == {"markedCount": 1, "viewer": {"unreadNotificationCount": 2},
                      "userErrors": []}
    again = (await viewer.data(MARK, input={"ids": [first]}))["markNotificationsRead"]
    assert again["markedCount"] == 0 and again["viewer"]["unreadNotificationCount"] == 2
    everything = (await viewer.data(MARK, input={"all": True}))["markNotificationsRead"]
    assert everything == {"markedCount": 2, "viewer": {"unreadNotificationCount": 0},
                          "userErrors": []}
    after = (await viewer.data(UNREAD))["viewer"]
    assert after["unreadNotificationCount"] == after["notifications"]["totalCount"] == 0


async def test_only_ones_own_notifications_are_marked(as_viewer: AsViewer,
                                                      workflow: Workflow) -> None:
    proposal = await workflow.proposal("TO_VALIDATE", tagged=True)
    await as_viewer(workflow.people["facilitator"]).data(VALIDATE,
                                                          input={"proposal": proposal["gid"]})
    owner = as_viewer(workflow.people["twoWays"])
    [edge] = (await owner.data(UNREAD))["viewer"]["notifications"]["edges"]
    theirs = edge["node"]["id"]
    stranger = as_viewer(workflow.people["areaFan"])
    body = await stranger(MARK, input={"ids": [theirs]})
    assert error_codes(body) == ["NOT_FOUND"]
    mine = (await stranger.data(UNREAD))["viewer"]["notifications"]["edges"][0]["node"]["id"]
    body = await stranger(MARK, input={"ids": [mine, theirs]})  # all or nothing
    assert error_codes(body) == ["NOT_FOUND"]
    assert (await stranger.data(UNREAD))["viewer"]["unreadNotificationCount"] == 1
    assert (await owner.data(UNREAD))["viewer"]["unreadNotificationCount"] == 1
    assert error_codes(await as_viewer(None)(MARK, input={"all": True})) == ["UNAUTHENTICATED"]
    unknown = ids.encode("Notification", str(uuid.uuid4()))
    for given, code in (({}, "INVALID"), ({"ids": [unknown], "all": True}, "INVALID"),
                        ({"ids": []}, "TOO_SHORT"), ({"ids": [unknown] * 101}, "TOO_MANY")):
        payload = (await stranger.data(MARK, input=given))["markNotificationsRead"]
        assert [error["code"] for error in payload["userErrors"]] == [code], given
