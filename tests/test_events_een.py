"""The events of following up EEN proposals: naming the contact point records one event (none
when nothing changes or when refused); an interest in an EEN proposal records its submission,
visible to its author, the contact point's facilitators and platform admins, and one
NOTIFICATION_CREATED per facilitator told, for that facilitator only."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from app.db import Database
from tests.conftest import AsViewer, error_codes
from tests.een_probe import ROLES, Een, een_fixture, express  # noqa: F401 (a fixture)
from tests.event_probe import Log, receivers
from tests.test_een_follow_up import SET
from tests.test_events_opportunities import notified
from tests.test_interest_mutations import DECIDE


@pytest_asyncio.fixture(loop_scope="session")
async def log(db: Database) -> AsyncIterator[Log]:
    recorded = Log(db)
    await recorded.mark()
    yield recorded


def everyone(een: Een) -> dict[str, str | None]:
    return {"anonymous": None, **{role: een.people[role] for role in ROLES}}


async def test_naming_the_contact_point_records_the_change(
        as_viewer: AsViewer, een: Een, log: Log) -> None:
    await een.name_contact_point("contact")
    admin = as_viewer(een.people["admin"])
    await admin.data(SET, input={"organization": een.gid("other")})
    await admin.data(SET, input={"organization": een.gid("other")})  # no change: no event
    body = await as_viewer(een.people["facilitator"])(SET, input={"organization": None})
    assert error_codes(body) == ["FORBIDDEN"]
    await admin.data(SET, input={"organization": None})
    events = await log.about(*een.organizations.values())
    assert [(e.type, e.subject, e.payload) for e in events] == [
        ("EEN_CONTACT_POINT_CHANGED", ("Organization", een.organizations["other"]),
         {"organizationId": een.organizations["other"],
          "previousOrganizationId": een.organizations["contact"]}),
        ("EEN_CONTACT_POINT_CHANGED", ("Organization", een.organizations["other"]),
         {"organizationId": None, "previousOrganizationId": een.organizations["other"]})]
    assert {e.event.actor_id for e in events} == {een.people["admin"]}
    assert await receivers(een.db, events[0], everyone(een)) == set(everyone(een))


async def test_an_een_interest_records_its_submission_and_a_notice_per_facilitator(
        as_viewer: AsViewer, een: Een, log: Log) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal()
    interest = await express(as_viewer(een.people["member"]), proposal)
    events = await log.about(interest)
    [submitted] = [e for e in events if e.type != "NOTIFICATION_CREATED"]
    assert (submitted.type, submitted.subject, submitted.payload) == (
        "INTEREST_SUBMITTED", ("ExpressionOfInterest", interest),
        {"proposalId": proposal["id"], "organizationId": None, "status": "SUBMITTED"})
    assert await receivers(een.db, submitted, everyone(een)) == {
        "member", "facilitator", "colleague", "admin"}
    assert notified(events) == {een.people["facilitator"]: 1, een.people["colleague"]: 1}
    for notice in (e for e in events if e.type == "NOTIFICATION_CREATED"):
        assert notice.payload == {"kind": "EEN_INTEREST_RECEIVED", "interestId": interest}
        [recipient] = [role for role, person in een.people.items()
                       if person == notice.event.recipient_id]
        assert await receivers(een.db, notice, everyone(een)) == {recipient}


async def test_without_a_contact_point_an_interest_records_no_notice(
        as_viewer: AsViewer, een: Een, log: Log) -> None:
    await een.name_contact_point(None)
    proposal = await een.proposal()
    interest = await express(as_viewer(een.people["member"]), proposal)
    assert [e.type for e in await log.about(interest)] == ["INTEREST_SUBMITTED"]


async def test_the_contact_points_decision_records_it_and_tells_the_member(
        as_viewer: AsViewer, een: Een, log: Log) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal("SUBMITTED")
    body = await as_viewer(een.people["elsewhere"])(DECIDE, input={
        "expressionOfInterest": proposal["interestGid"], "decision": "REJECTED"})
    assert error_codes(body) == ["NOT_FOUND"]
    assert await log.by(een.people["elsewhere"]) == []
    await as_viewer(een.people["colleague"]).data(DECIDE, input={
        "expressionOfInterest": proposal["interestGid"], "decision": "RELEVANT"})
    events = await log.about(proposal["interest"])
    [decided] = [e for e in events if e.type != "NOTIFICATION_CREATED"]
    assert (decided.type, decided.payload) == (
        "INTEREST_DECIDED",
        {"proposalId": proposal["id"], "status": "RELEVANT", "previousStatus": "SUBMITTED"})
    assert await receivers(een.db, decided, everyone(een)) == {
        "member", "facilitator", "colleague", "admin"}
    assert notified(events) == {een.people["member"]: 1}
