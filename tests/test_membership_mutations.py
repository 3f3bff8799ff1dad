"""Membership of organizations: requests, invitations, answers, hand-over, removal, leaving."""

from __future__ import annotations

import asyncio
from typing import Any

from app.db import Database
from tests.actor_probe import ActorProbe, actors, ties
from tests.conftest import AsViewer, GraphQL, error_codes

__all__ = ["actors"]

PAYLOAD = "person { id } status userErrors { field code }"
REQUEST = f"""mutation($organization: ID!) {{
  requestOrganizationMembership(input: {{organization: $organization, title: "Tecnologo"}}) {{
    {PAYLOAD} }} }}"""
INVITE = f"""mutation($organization: ID!, $person: ID!) {{
  inviteToOrganization(input: {{organization: $organization, person: $person}}) {{
    {PAYLOAD} }} }}"""
ANSWER = f"""mutation($organization: ID!, $person: ID, $accept: Boolean!) {{
  answerOrganizationMembership(input: {{organization: $organization, person: $person,
                                        accept: $accept}}) {{ {PAYLOAD} }} }}"""
HAND_OVER = f"""mutation($organization: ID!, $person: ID!, $stepDown: Boolean!) {{
  handOverOrganizationAdmin(input: {{organization: $organization, person: $person,
                                     stepDown: $stepDown}}) {{ {PAYLOAD} }} }}"""
REMOVE = f"""mutation($organization: ID!, $person: ID!) {{
  removeOrganizationMember(input: {{organization: $organization, person: $person}}) {{
    {PAYLOAD} }} }}"""
LEAVE = f"""mutation($organization: ID!) {{
  leaveOrganization(input: {{organization: $organization}}) {{ {PAYLOAD} }} }}"""
MEMBERS = """query($id: ID!) {
  node(id: $id) { ... on Organization { members { totalCount edges { role title node { id } } } } }
}"""


def _outcome(data: dict[str, Any]) -> tuple[Any, Any]:
    [payload] = data.values()
    return payload["status"], payload["userErrors"]


async def test_a_request_is_pending_until_an_admin_accepts_it(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    applicant = as_viewer(actors.people["outsider"])
    assert _outcome(await applicant.data(REQUEST, organization=actors.organization)) == (
        "REQUESTED", [])
    assert (await ties(db, actors, "outsider"))[0] == [("REQUESTED_MEMBERSHIP", None)]
    members = await applicant.data(MEMBERS, id=actors.organization)
    assert actors.user("outsider") not in str(members)  # pending: not listed, not counted
    assert members["node"]["members"]["totalCount"] == 2
    body = await as_viewer(actors.people["member"])(
        ANSWER, organization=actors.organization, person=actors.user("outsider"), accept=True)
    assert error_codes(body) == ["FORBIDDEN"]
    accepted = await as_viewer(actors.people["admin"]).data(
        ANSWER, organization=actors.organization, person=actors.user("outsider"), accept=True)
    assert _outcome(accepted) == ("ACTIVE", [])
    assert (await ties(db, actors, "outsider"))[0] == [("MEMBER_OF", "MEMBER")]
    members = await applicant.data(MEMBERS, id=actors.organization)
    assert {"role": "MEMBER", "title": "Tecnologo", "node": {"id": actors.user("outsider")}} in (
        members["node"]["members"]["edges"])
    again = await applicant.data(REQUEST, organization=actors.organization)
    assert _outcome(again)[1] == [{"field": "organization", "code": "ALREADY_DONE"}]
    left = await applicant.data(LEAVE, organization=actors.organization)
    assert _outcome(left) == ("NONE", [])
    assert (await ties(db, actors, "outsider"))[0] == []


async def test_an_invitation_is_pending_until_the_invitee_answers(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    admin, invitee = as_viewer(actors.people["admin"]), as_viewer(actors.people["other"])
    invited = await admin.data(INVITE, organization=actors.organization,
                               person=actors.user("other"))
    assert _outcome(invited) == ("INVITED", [])
    assert (await ties(db, actors, "other"))[0] == [("INVITED_TO", None)]
    declined = await invitee.data(ANSWER, organization=actors.organization, accept=False)
    assert _outcome(declined) == ("NONE", [])
    assert (await ties(db, actors, "other"))[0] == []
    nothing = await invitee.data(ANSWER, organization=actors.organization, accept=True)
    assert _outcome(nothing)[1] == [{"field": "organization", "code": "INVALID_TRANSITION"}]
    await admin.data(INVITE, organization=actors.organization, person=actors.user("other"))
    by_admin = await admin.data(ANSWER, organization=actors.organization,
                                person=actors.user("other"), accept=True)
    assert _outcome(by_admin)[1] == [{"field": "person", "code": "INVALID_TRANSITION"}]
    accepted = await invitee.data(ANSWER, organization=actors.organization, accept=True)
    assert _outcome(accepted) == ("ACTIVE", [])
    assert (await ties(db, actors, "other"))[0] == [("MEMBER_OF", "MEMBER")]
    removed = await admin.data(REMOVE, organization=actors.organization,
                               person=actors.user("other"))
    assert _outcome(removed) == ("NONE", [])
    assert (await ties(db, actors, "other"))[0] == []


async def test_a_request_meeting_an_invitation_makes_a_member(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    await as_viewer(actors.people["platform_admin"]).data(
        INVITE, organization=actors.organization, person=actors.user("outsider"))
    joined = await as_viewer(actors.people["outsider"]).data(
        REQUEST, organization=actors.organization)
    assert _outcome(joined) == ("ACTIVE", [])
    assert (await ties(db, actors, "outsider"))[0] == [("MEMBER_OF", "MEMBER")]


async def test_who_may_invite_and_remove(as_viewer: AsViewer, gql: GraphQL,
                                         actors: ActorProbe, db: Database) -> None:
    for person in ("member", "outsider"):
        viewer = as_viewer(actors.people[person])
        body = await viewer(INVITE, organization=actors.organization,
                            person=actors.user("other"))
        assert error_codes(body) == ["FORBIDDEN"], person
        body = await viewer(REMOVE, organization=actors.organization,
                            person=actors.user("admin"))
        assert error_codes(body) == ["FORBIDDEN"], person
    assert error_codes(await gql(LEAVE, organization=actors.organization)) == [
        "UNAUTHENTICATED"]
    assert (await ties(db, actors, "other"))[0] == []
    assert (await ties(db, actors, "admin"))[0] == [("MEMBER_OF", "ADMIN")]
    member = await as_viewer(actors.people["admin"]).data(
        INVITE, organization=actors.organization, person=actors.user("member"))
    assert _outcome(member)[1] == [{"field": "person", "code": "ALREADY_DONE"}]


async def test_an_organization_always_keeps_an_admin(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    admin = as_viewer(actors.people["admin"])
    last = await admin.data(LEAVE, organization=actors.organization)
    assert _outcome(last)[1] == [{"field": "organization", "code": "NOT_ALLOWED"}]
    removed = await as_viewer(actors.people["platform_admin"]).data(
        REMOVE, organization=actors.organization, person=actors.user("admin"))
    assert _outcome(removed)[1] == [{"field": "person", "code": "NOT_ALLOWED"}]
    outsider = await admin.data(HAND_OVER, organization=actors.organization,
                                person=actors.user("outsider"), stepDown=True)
    assert _outcome(outsider)[1] == [{"field": "person", "code": "INVALID_TRANSITION"}]
    assert (await ties(db, actors, "admin")) == ([("MEMBER_OF", "ADMIN")], 1)
    body = await as_viewer(actors.people["member"])(
        HAND_OVER, organization=actors.organization, person=actors.user("member"),
        stepDown=False)
    assert error_codes(body) == ["FORBIDDEN"]
    handed = await admin.data(HAND_OVER, organization=actors.organization,
                              person=actors.user("member"), stepDown=True)
    assert _outcome(handed) == ("ACTIVE", [])
    assert (await ties(db, actors, "member")) == ([("MEMBER_OF", "ADMIN")], 1)
    assert (await ties(db, actors, "admin"))[0] == [("MEMBER_OF", "MEMBER")]


async def test_two_admins_leaving_at_once_leave_one(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    await as_viewer(actors.people["admin"]).data(
        HAND_OVER, organization=actors.organization, person=actors.user("member"),
        stepDown=False)
    bodies = await asyncio.gather(*(as_viewer(actors.people[person]).data(
        LEAVE, organization=actors.organization) for person in ("admin", "member")))
    refusals = [_outcome(body)[1] for body in bodies]
    assert sorted(map(str, refusals)) == sorted(
        ["[]", str([{"field": "organization", "code": "NOT_ALLOWED"}])])
    assert (await ties(db, actors, "admin"))[1] == 1


async def test_concurrent_duplicate_requests_leave_one_pending_membership(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    viewer = as_viewer(actors.people["other"])
    bodies = await asyncio.gather(*(viewer(REQUEST, organization=actors.organization)
                                    for _ in range(50)))
    assert [body.get("errors") for body in bodies] == [None] * 50
    assert all(_outcome(body["data"]) == ("REQUESTED", []) for body in bodies)
    assert (await ties(db, actors, "other"))[0] == [("REQUESTED_MEMBERSHIP", None)]
