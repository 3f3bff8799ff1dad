"""Community mutations: creating and changing communities, and the membership state machine,
with the role of each person who tries (through the API, as that person)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from app import ids
from app.db import Database
from tests.community_probe import (
    Workflow,
    community_state,
    content_state,
    memberships,
    notifications_of,
    workflow,
)
from tests.conftest import AsViewer, GraphQL, error_codes

__all__ = ["workflow"]

CREATE = """
mutation($name: String!, $access: CommunityAccess!, $areas: [ID!], $parent: ID) {
  createCommunity(input: {name: $name, description: "About it", kind: WORKING_GROUP,
                          access: $access, s3Areas: $areas, parent: $parent}) {
    community { id name kind access parent { id }
                s3Areas { edges { node { id } } }
                members(filter: {roles: [MANAGER]}) { edges { role status node { id } } } }
    userErrors { field code }
  }
}"""
UPDATE = """
mutation($community: ID!, $name: String, $areas: [ID!]) {
  updateCommunity(input: {community: $community, name: $name, s3Areas: $areas}) {
    community { name s3Areas { totalCount } } userErrors { field code }
  }
}"""
MEMBERSHIP = "community { id } member { id } role status userErrors { field code }"
JOIN = f"""mutation($community: ID!) {{
  joinCommunity(input: {{community: $community}}) {{ {MEMBERSHIP} }} }}"""
LEAVE = f"""mutation($community: ID!) {{
  leaveCommunity(input: {{community: $community}}) {{ {MEMBERSHIP} }} }}"""
INVITE = f"""mutation($community: ID!, $member: ID!) {{
  inviteToCommunity(input: {{community: $community, member: $member}}) {{ {MEMBERSHIP} }} }}"""
REMOVE = f"""mutation($community: ID!, $member: ID!) {{
  removeMember(input: {{community: $community, member: $member}}) {{ {MEMBERSHIP} }} }}"""
DECIDE = f"""mutation($community: ID!, $member: ID!, $decision: MembershipDecision!) {{
  decideMembership(input: {{community: $community, member: $member, decision: $decision}}) {{
    {MEMBERSHIP} }} }}"""
ROLE = f"""mutation($community: ID!, $member: ID!, $role: CommunityRole!) {{
  changeMemberRole(input: {{community: $community, member: $member, role: $role}}) {{
    {MEMBERSHIP} }} }}"""


def payload(data: dict[str, Any]) -> dict[str, Any]:
    [value] = data.values()
    result: dict[str, Any] = value
    return result


async def test_every_mutation_needs_a_signed_in_person(gql: GraphQL, workflow: Workflow,
                                                       db: Database) -> None:
    community, member = workflow.community("open"), workflow.user("participant")
    calls = [(CREATE, {"name": "Anonymous", "access": "OPEN"}),
             (UPDATE, {"community": community, "name": "Renamed"}),
             (JOIN, {"community": community}), (LEAVE, {"community": community}),
             (INVITE, {"community": community, "member": member}),
             (REMOVE, {"community": community, "member": member}),
             (DECIDE, {"community": community, "member": member, "decision": "ACCEPT"}),
             (ROLE, {"community": community, "member": member, "role": "MANAGER"})]
    for query, variables in calls:
        body = await gql(query, **variables)
        assert error_codes(body) == ["UNAUTHENTICATED"] and body["data"] is None
    assert await memberships(db, workflow.users["participant"], workflow.communities["open"]) \
        == [{"role": "PARTICIPANT", "status": "ACTIVE"}]


async def test_a_creator_manages_the_new_community(as_viewer: AsViewer, workflow: Workflow,
                                                   db: Database) -> None:
    viewer = as_viewer(workflow.users["manager"])
    areas = [workflow.area(0), workflow.area(1), workflow.area(0)]
    created = payload(await viewer.data(CREATE, name=f"Sub {workflow.marker}", access="OPEN",
                                        areas=areas, parent=workflow.community("open")))
    assert created["userErrors"] == []
    community = created["community"]
    assert (community["name"], community["kind"], community["access"]) == (
        f"Sub {workflow.marker}", "WORKING_GROUP", "OPEN")
    assert community["parent"] == {"id": workflow.community("open")}
    assert sorted(edge["node"]["id"] for edge in community["s3Areas"]["edges"]) == sorted(
        [workflow.area(0), workflow.area(1)])
    assert community["members"]["edges"] == [
        {"role": "MANAGER", "status": "ACTIVE", "node": {"id": workflow.user("manager")}}]


@pytest.mark.parametrize(("name", "areas", "field", "code"), [
    ("ab", 0, "name", "TOO_SHORT"), ("x" * 121, 0, "name", "TOO_LONG"),
    ("Too many areas", 6, "s3Areas", "TOO_MANY"), ("Unknown area", -1, "s3Areas", "NOT_FOUND"),
])
async def test_bad_community_input_creates_nothing(
        as_viewer: AsViewer, workflow: Workflow, db: Database, name: str, areas: int,
        field: str, code: str) -> None:
    chosen = [ids.encode("S3Area", str(uuid.uuid4())) for _ in range(6)] if areas > 0 else (
        [workflow.area(0), ids.encode("S3Area", str(uuid.uuid4()))] if areas < 0 else [])
    body = await as_viewer(workflow.users["outsider"]).data(CREATE, name=name, access="OPEN",
                                                            areas=chosen)
    assert payload(body) == {"community": None, "userErrors": [{"field": field, "code": code}]}
    ours = await as_viewer(workflow.users["outsider"]).data(
        "query { viewer { communities { totalCount } } }")
    assert ours["viewer"]["communities"]["totalCount"] == 0


@pytest.mark.parametrize(("who", "outcome"), [
    ("outsider", "FORBIDDEN"), ("participant", "FORBIDDEN"), ("facilitator", "FORBIDDEN"),
    ("admin", None), ("manager", None)])
async def test_who_may_create_a_sub_community(as_viewer: AsViewer, workflow: Workflow,
                                              who: str, outcome: str | None) -> None:
    body = await as_viewer(workflow.users[who])(CREATE, name="Sub", access="OPEN",
                                                parent=workflow.community("open"))
    if outcome:
        assert error_codes(body) == [outcome]
    else:
        assert payload(body["data"])["community"]["parent"] == {"id": workflow.community("open")}


@pytest.mark.parametrize(("who", "outcome"), [
    ("manager", None), ("admin", None), ("participant", "FORBIDDEN"),
    ("outsider", "FORBIDDEN"), ("facilitator", "FORBIDDEN")])
async def test_who_may_change_a_community(as_viewer: AsViewer, workflow: Workflow,
                                          db: Database, who: str, outcome: str | None) -> None:
    before = await community_state(db, workflow.communities["open"])
    body = await as_viewer(workflow.users[who])(
        UPDATE, community=workflow.community("open"), name="Renamed", areas=[workflow.area(1)])
    after = await community_state(db, workflow.communities["open"])
    if outcome:
        assert error_codes(body) == [outcome]
        assert after == before
    else:
        assert payload(body["data"]) == {"community": {"name": "Renamed",
                                                       "s3Areas": {"totalCount": 1}},
                                          "userErrors": []}
        assert after["areas"] == [workflow.areas[1]] and after["access"] == "OPEN"


async def test_a_hidden_community_reads_as_missing(as_viewer: AsViewer, workflow: Workflow,
                                                   db: Database) -> None:
    before = await community_state(db, workflow.communities["closed"])
    outsider = as_viewer(workflow.users["outsider"])
    assert error_codes(await outsider(UPDATE, community=workflow.community("closed"),
                                      name="Renamed")) == ["NOT_FOUND"]
    assert error_codes(await outsider(JOIN, community=workflow.community("closed"))) == [
        "NOT_FOUND"]
    assert await community_state(db, workflow.communities["closed"]) == before
    assert await memberships(db, workflow.users["outsider"], workflow.communities["closed"]) == []


async def test_joining_follows_the_community_access(as_viewer: AsViewer, workflow: Workflow,
                                                    db: Database) -> None:
    outsider = as_viewer(workflow.users["outsider"])
    for key, status in (("open", "ACTIVE"), ("reserved", "REQUESTED")):
        for _ in range(2):  # joining again changes nothing
            joined = payload(await outsider.data(JOIN, community=workflow.community(key)))
            assert (joined["role"], joined["status"], joined["userErrors"]) == (
                "PARTICIPANT", status, [])
        assert await memberships(db, workflow.users["outsider"], workflow.communities[key]) == [
            {"role": "PARTICIPANT", "status": status}]


async def test_a_closed_community_takes_only_invited_people(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    # a moderator may find the closed community, but nobody invited them
    body = await as_viewer(workflow.users["admin"])(JOIN, community=workflow.community("closed"))
    refused = error_codes(body) or [e["code"] for e in payload(body["data"])["userErrors"]]
    assert refused in (["NOT_FOUND"], ["NOT_ALLOWED"])
    assert await memberships(db, workflow.users["admin"], workflow.communities["closed"]) == []

    joined = payload(await as_viewer(workflow.users["invitee"]).data(
        JOIN, community=workflow.community("closed")))
    assert (joined["status"], joined["userErrors"]) == ("ACTIVE", [])


async def test_fifty_concurrent_joins_leave_one_membership(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    outsider = as_viewer(workflow.users["outsider"])
    bodies = await asyncio.gather(*(outsider(JOIN, community=workflow.community("open"))
                                    for _ in range(50)))
    assert [body.get("errors") for body in bodies] == [None] * 50
    assert {payload(body["data"])["status"] for body in bodies} == {"ACTIVE"}
    assert await memberships(db, workflow.users["outsider"], workflow.communities["open"]) == [
        {"role": "PARTICIPANT", "status": "ACTIVE"}]


async def test_an_invitation_is_notified_and_accepted_by_joining(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    closed = workflow.community("closed")
    invited = payload(await as_viewer(workflow.users["manager"]).data(
        INVITE, community=closed, member=workflow.user("outsider")))
    assert (invited["status"], invited["member"], invited["userErrors"]) == (
        "INVITED", {"id": workflow.user("outsider")}, [])
    outsider = as_viewer(workflow.users["outsider"])
    # what the notification is about shows once the invitee may see the closed community
    assert [kind for kind, _ in await notifications_of(outsider)] == ["COMMUNITY_INVITATION"]
    assert (await content_state(db, workflow.communities["closed"]))["notified"] == [
        workflow.users["outsider"]]
    joined = payload(await outsider.data(JOIN, community=closed))
    assert joined["status"] == "ACTIVE"
    assert await memberships(db, workflow.users["outsider"], workflow.communities["closed"]) == [
        {"role": "PARTICIPANT", "status": "ACTIVE"}]


@pytest.mark.parametrize(("who", "member", "community", "refusal", "code"), [
    ("participant", "outsider", "open", "FORBIDDEN", None),
    ("outsider", "reader", "closed", "NOT_FOUND", None),
    ("manager", "participant", "open", None, "ALREADY_DONE"),
    ("manager", "requester", "reserved", None, "INVALID_TRANSITION"),
])
async def test_refused_invitations_change_nothing(
        as_viewer: AsViewer, workflow: Workflow, db: Database, who: str, member: str,
        community: str, refusal: str | None, code: str | None) -> None:
    before = await memberships(db, workflow.users[member], workflow.communities[community])
    body = await as_viewer(workflow.users[who])(INVITE, community=workflow.community(community),
                                                member=workflow.user(member))
    if refusal:
        assert error_codes(body) == [refusal]
    else:
        assert payload(body["data"])["userErrors"] == [{"field": "member", "code": code}]
    assert await memberships(db, workflow.users[member], workflow.communities[community]) == before
    assert await notifications_of(as_viewer(workflow.users[member])) == []


@pytest.mark.parametrize(("decision", "status"), [("ACCEPT", "ACTIVE"), ("REJECT", "REJECTED")])
async def test_a_manager_decides_a_request_and_the_requester_hears_of_it(
        as_viewer: AsViewer, workflow: Workflow, db: Database, decision: str,
        status: str) -> None:
    reserved = workflow.community("reserved")
    decided = payload(await as_viewer(workflow.users["manager"]).data(
        DECIDE, community=reserved, member=workflow.user("requester"), decision=decision))
    assert (decided["status"], decided["userErrors"]) == (status, [])
    requester = as_viewer(workflow.users["requester"])
    assert [kind for kind, _ in await notifications_of(requester)] == ["MEMBERSHIP_DECIDED"]
    assert (await content_state(db, workflow.communities["reserved"]))["notified"] == [
        workflow.users["requester"]]
    again = payload(await requester.data(JOIN, community=reserved))
    if status == "REJECTED":
        assert again["userErrors"] == [{"field": "community", "code": "INVALID_TRANSITION"}]
    assert await memberships(db, workflow.users["requester"], workflow.communities["reserved"]) \
        == [{"role": "PARTICIPANT", "status": status}]


@pytest.mark.parametrize(("who", "member", "decision", "refusal", "code"), [
    ("participant", "requester", "ACCEPT", "FORBIDDEN", None),
    ("manager", "participant", "REJECT", None, "INVALID_TRANSITION"),
    ("manager", "rejected", "ACCEPT", None, "INVALID_TRANSITION"),
    ("manager", "outsider", "ACCEPT", None, "NOT_FOUND"),
])
async def test_only_pending_requests_are_decided_by_managers(
        as_viewer: AsViewer, workflow: Workflow, db: Database, who: str, member: str,
        decision: str, refusal: str | None, code: str | None) -> None:
    before = await memberships(db, workflow.users[member], workflow.communities["reserved"])
    body = await as_viewer(workflow.users[who])(
        DECIDE, community=workflow.community("reserved"), member=workflow.user(member),
        decision=decision)
    if refusal:
        assert error_codes(body) == [refusal]
    else:
        assert payload(body["data"])["userErrors"] == [{"field": "member", "code": code}]
    assert await memberships(db, workflow.users[member], workflow.communities["reserved"]) == before


async def test_a_community_keeps_an_active_manager(as_viewer: AsViewer, workflow: Workflow,
                                                   db: Database) -> None:
    open_, manager = workflow.community("open"), as_viewer(workflow.users["manager"])
    last = {"field": None, "code": "NOT_ALLOWED"}
    for query, variables in ((ROLE, {"member": workflow.user("manager"), "role": "PARTICIPANT"}),
                             (REMOVE, {"member": workflow.user("manager")}), (LEAVE, {})):
        assert payload(await manager.data(query, community=open_, **variables))[
            "userErrors"] == [last]
    assert await memberships(db, workflow.users["manager"], workflow.communities["open"]) == [
        {"role": "MANAGER", "status": "ACTIVE"}]

    promoted = payload(await manager.data(ROLE, community=open_,
                                          member=workflow.user("participant"), role="MANAGER"))
    assert (promoted["role"], promoted["userErrors"]) == ("MANAGER", [])
    left = payload(await manager.data(LEAVE, community=open_))
    assert (left["role"], left["status"], left["userErrors"]) == (None, None, [])
    assert await memberships(db, workflow.users["manager"], workflow.communities["open"]) == []


@pytest.mark.parametrize(("who", "member", "community", "refusal", "code"), [
    ("participant", "manager", "reserved", "FORBIDDEN", None),
    ("facilitator", "participant", "open", "FORBIDDEN", None),
    ("manager", "requester", "reserved", None, "INVALID_TRANSITION"),
    ("manager", "outsider", "reserved", None, "NOT_FOUND"),
])
async def test_refused_role_changes_change_nothing(
        as_viewer: AsViewer, workflow: Workflow, db: Database, who: str, member: str,
        community: str, refusal: str | None, code: str | None) -> None:
    before = await memberships(db, workflow.users[member], workflow.communities[community])
    body = await as_viewer(workflow.users[who])(
        ROLE, community=workflow.community(community), member=workflow.user(member),
        role="MANAGER")
    if refusal:
        assert error_codes(body) == [refusal]
    else:
        assert payload(body["data"])["userErrors"] == [{"field": "member", "code": code}]
    assert await memberships(db, workflow.users[member], workflow.communities[community]) == before


@pytest.mark.parametrize(("who", "refusal"), [
    ("manager", None), ("admin", None), ("participant", "FORBIDDEN"), ("outsider", "FORBIDDEN"),
    ("facilitator", "FORBIDDEN")])
async def test_who_may_remove_a_member(as_viewer: AsViewer, workflow: Workflow, db: Database,
                                       who: str, refusal: str | None) -> None:
    body = await as_viewer(workflow.users[who])(REMOVE, community=workflow.community("open"),
                                                member=workflow.user("participant"))
    left = await memberships(db, workflow.users["participant"], workflow.communities["open"])
    if refusal:
        assert error_codes(body) == [refusal]
        assert left == [{"role": "PARTICIPANT", "status": "ACTIVE"}]
    else:
        assert payload(body["data"])["userErrors"] == [] and left == []


async def test_leaving_withdraws_a_request_and_leaves_a_rejection_on_record(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    rejection = [{"role": "PARTICIPANT", "status": "REJECTED"}]
    for who, where, remains in (("requester", "reserved", []),
                                ("rejected", "reserved", rejection), ("outsider", "open", [])):
        body = await as_viewer(workflow.users[who]).data(LEAVE, community=workflow.community(where))
        assert payload(body)["userErrors"] == []
        assert await memberships(db, workflow.users[who], workflow.communities[where]) == remains
