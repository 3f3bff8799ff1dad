"""The events that community mutations record: creating and changing communities, and each
step of the membership state machine (what each says, and who may receive it)."""

from __future__ import annotations

from typing import Any

from app import ids
from app.db import Database
from tests.community_probe import Workflow, workflow
from tests.conftest import AsViewer, error_codes
from tests.event_probe import audience, log_end, payload, recorded, shape
from tests.test_community_mutations import (
    CREATE,
    DECIDE,
    INVITE,
    JOIN,
    LEAVE,
    REMOVE,
    ROLE,
    UPDATE,
)
from tests.test_follow_mutations import FOLLOW

__all__ = ["workflow"]


def _membership(event: Any) -> tuple[str, str, dict[str, Any]]:
    return event.type, event.scope_type, payload(event)


async def test_a_community_records_its_creation_changes_and_follows(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    manager = as_viewer(workflow.users["manager"])
    before = await log_end(db)
    created = await manager.data(CREATE, name="Eventi", access="RESERVED",
                                 areas=[workflow.area(0)], parent=workflow.community("open"))
    community = ids.decode_as(created["createCommunity"]["community"]["id"], "Community")
    await manager.data(UPDATE, community=ids.encode("Community", community), name="Eventi 2",
                       areas=[workflow.area(1)])
    refused = await as_viewer(workflow.users["outsider"])(
        UPDATE, community=ids.encode("Community", community), name="Taken")
    assert error_codes(refused) == ["FORBIDDEN"]
    await as_viewer(workflow.users["outsider"]).data(FOLLOW,
                                                     subject=ids.encode("Community", community))

    creation, update, follow = await recorded(db, before, community)
    assert shape(creation) == ("COMMUNITY_CREATED", "Community", community, "Community",
                               community, None)
    assert payload(creation) == {"name": "Eventi", "kind": "WORKING_GROUP",
                                 "access": "RESERVED", "parentId": workflow.communities["open"]}
    assert creation.s3_areas == frozenset(workflow.areas[:1])
    assert shape(update)[:3] == ("COMMUNITY_UPDATED", "Community", community)
    assert payload(update) == {"fields": ["name", "s3Areas"], "name": "Eventi 2",
                               "access": "RESERVED"}
    assert update.s3_areas == frozenset(workflow.areas[1:])
    assert shape(follow) == ("FOLLOWED", "Community", community, "Community", community, None)
    assert {creation.community_id, update.community_id, follow.community_id} == {community}


async def test_each_membership_step_reaches_those_who_may_see_it(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    users, reserved = workflow.users, workflow.community("reserved")
    before = await log_end(db)
    steps: list[tuple[str, str, dict[str, Any]]] = [
        ("outsider", JOIN, {}),
        ("outsider", JOIN, {}),  # asked already: nothing changes
        ("manager", DECIDE, {"member": workflow.user("outsider"), "decision": "ACCEPT"}),
        ("manager", ROLE, {"member": workflow.user("outsider"), "role": "MANAGER"}),
        ("manager", REMOVE, {"member": workflow.user("requester")}),
        ("manager", INVITE, {"member": workflow.user("rejected")}),
        ("rejected", LEAVE, {}),
        ("participant", LEAVE, {}),
    ]
    for person, query, variables in steps:
        answer = await as_viewer(users[person])(query, community=reserved, **variables)
        assert error_codes(answer) == [], (person, query)
    refused = await as_viewer(users["participant"])(INVITE, community=reserved,
                                                    member=workflow.user("reader"))
    assert error_codes(refused) == ["FORBIDDEN"]

    community = workflow.communities["reserved"]
    events = await recorded(db, before, community, users["outsider"], users["rejected"])
    notices = [event for event in events if event.type == "NOTIFICATION_CREATED"]
    changes = [event for event in events if event.type != "NOTIFICATION_CREATED"]
    assert [(event.subject_type, event.subject_id, event.community_id, event.scope_id)
            for event in changes] == [("Community", community, community, community)] * 7
    assert [_membership(event)[1:] for event in changes] == [
        ("CommunityManagement", {"memberId": users["outsider"], "role": "PARTICIPANT",
                                 "status": "REQUESTED"}),
        ("CommunityContent", {"memberId": users["outsider"], "role": "PARTICIPANT",
                              "status": "ACTIVE"}),
        ("CommunityContent", {"memberId": users["outsider"], "role": "MANAGER",
                              "status": "ACTIVE"}),
        ("CommunityManagement", {"memberId": users["requester"], "role": None,
                                 "status": "NONE"}),
        ("CommunityManagement", {"memberId": users["rejected"], "role": "PARTICIPANT",
                                 "status": "INVITED"}),
        ("CommunityManagement", {"memberId": users["rejected"], "role": None,
                                 "status": "NONE"}),
        ("CommunityContent", {"memberId": users["participant"], "role": None,
                              "status": "NONE"}),
    ]
    assert [(event.subject_type, event.recipient_id, payload(event)) for event in notices] == [
        ("Notification", users["outsider"],
         {"kind": "MEMBERSHIP_DECIDED", "communityId": community}),
        ("Notification", users["rejected"],
         {"kind": "COMMUNITY_INVITATION", "communityId": community}),
    ]
    # who may receive them is decided now: the outsider manages the community, the
    # participant left it
    request, accepted = changes[:2]
    assert await audience(db, request, users) == {"manager", "outsider", "admin"}
    # the member list of a RESERVED community: its active members and the moderators
    assert await audience(db, accepted, users) == {"manager", "outsider", "facilitator",
                                                   "admin"}
    assert await audience(db, notices[0], users) == {"outsider"}


async def test_joining_an_open_community_is_news_for_everyone(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    before = await log_end(db)
    await as_viewer(workflow.users["reader"]).data(JOIN, community=workflow.community("open"))
    [joined] = await recorded(db, before, workflow.communities["open"])
    assert _membership(joined) == ("COMMUNITY_MEMBERSHIP_CHANGED", "CommunityContent", {
        "memberId": workflow.users["reader"], "role": "PARTICIPANT", "status": "ACTIVE"})
    assert await audience(db, joined, workflow.users) == set(workflow.users)
