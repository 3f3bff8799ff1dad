"""Answering EEN proposals from Lombardy: a platform admin names the region's EEN contact
point; a member's expression of interest in an EEN proposal reaches its facilitators, who
alone (with platform admins) see it and decide it; the member reads the answer on the
proposal's page."""

from __future__ import annotations

import uuid

from app import ids
from tests.conftest import AsViewer, error_codes, run_test_cypher
from tests.een_probe import Een, een_fixture, express  # noqa: F401 (a fixture)
from tests.test_interest_mutations import DECIDE

SET = """
mutation($input: SetEenContactPointInput!) {
  setEenContactPoint(input: $input) { organization { id } userErrors { field code } }
}"""
CONTACT_POINT = "{ eenContactPoint { id } }"
INTEREST = """
query($id: ID!) { node(id: $id) { ... on ExpressionOfInterest { status } } }"""
PAGE = """
query($id: ID!) { node(id: $id) { ... on Proposal {
  expressionsOfInterest { edges { node { id status followedUpBy { id } } } }
} } }"""
OTHERS = ("elsewhere", "staff", "outsider")


async def status_of(een: Een, interest_id: str) -> str:
    [row] = await run_test_cypher(een.db, "interest_status", id=interest_id)
    status: str = row["status"]
    return status


async def test_only_a_platform_admin_names_the_contact_point(as_viewer: AsViewer,
                                                             een: Een) -> None:
    given = {"organization": een.gid("contact")}
    for role in ("facilitator", "elsewhere", "member"):
        body = await as_viewer(een.people[role])(SET, input=given)
        assert error_codes(body) == ["FORBIDDEN"], role
    assert error_codes(await as_viewer(None)(SET, input=given)) == ["UNAUTHENTICATED"]
    admin = as_viewer(een.people["admin"])
    unknown = {"organization": ids.encode("Organization", str(uuid.uuid4()))}
    assert error_codes(await admin(SET, input=unknown)) == ["NOT_FOUND"]
    for organization in ("contact", "other", "other"):
        body = await admin.data(SET, input={"organization": een.gid(organization)})
        assert body["setEenContactPoint"] == {"organization": {"id": een.gid(organization)},
                                              "userErrors": []}
        for viewer in (None, een.people["member"]):
            assert await as_viewer(viewer).data(CONTACT_POINT) == {
                "eenContactPoint": {"id": een.gid(organization)}}
    body = await admin.data(SET, input={"organization": None})
    assert body["setEenContactPoint"] == {"organization": None, "userErrors": []}
    assert await as_viewer(None).data(CONTACT_POINT) == {"eenContactPoint": None}


async def test_an_interest_reaches_the_contact_points_facilitators_only(
        as_viewer: AsViewer, een: Een) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal()
    interest = await express(as_viewer(een.people["member"]), proposal)
    assert await een.notices(interest) == [
        {"kind": "EEN_INTEREST_RECEIVED", "user": person, "read": False}
        for person in sorted(een.people[role] for role in ("facilitator", "colleague"))]


async def test_a_facilitator_of_the_contact_point_does_not_hear_of_their_own_interest(
        as_viewer: AsViewer, een: Een) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal()
    interest = await express(as_viewer(een.people["colleague"]), proposal)
    assert [notice["user"] for notice in await een.notices(interest)] == [
        een.people["facilitator"]]


async def test_the_contact_point_sees_and_decides_the_interest_nobody_else(
        as_viewer: AsViewer, een: Een) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal("SUBMITTED")
    for role in ("member", "facilitator", "colleague", "admin"):
        body = await as_viewer(een.people[role]).data(INTEREST, id=proposal["interestGid"])
        assert body["node"] == {"status": "SUBMITTED"}, role
    for viewer in [*(een.people[role] for role in OTHERS), None]:
        body = await as_viewer(viewer)(INTEREST, id=proposal["interestGid"])
        assert error_codes(body) == ["NOT_FOUND"], viewer
        page = await as_viewer(viewer).data(PAGE, id=proposal["gid"])
        assert page["node"]["expressionsOfInterest"]["edges"] == [], viewer
    decision = {"expressionOfInterest": proposal["interestGid"], "decision": "RELEVANT"}
    for role in (*OTHERS, "member"):
        body = await as_viewer(een.people[role])(DECIDE, input=decision)
        assert error_codes(body) in (["NOT_FOUND"], ["FORBIDDEN"]), role
    assert await status_of(een, proposal["interest"]) == "SUBMITTED"
    assert await een.notices(proposal["interest"]) == []
    body = await as_viewer(een.people["facilitator"]).data(DECIDE, input=decision)
    assert body["decideExpressionOfInterest"] == {
        "expressionOfInterest": {"status": "RELEVANT"}, "userErrors": []}
    assert await een.notices(proposal["interest"]) == [
        {"kind": "INTEREST_DECIDED", "user": een.people["member"], "read": False}]
    # a platform admin may decide too
    rejected = await een.proposal("SUBMITTED")
    body = await as_viewer(een.people["admin"]).data(DECIDE, input={
        "expressionOfInterest": rejected["interestGid"], "decision": "REJECTED"})
    assert body["decideExpressionOfInterest"]["userErrors"] == []
    assert await status_of(een, rejected["interest"]) == "REJECTED"


async def test_the_member_reads_the_answer_on_the_proposal_page(as_viewer: AsViewer,
                                                                een: Een) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal("SUBMITTED")
    member = as_viewer(een.people["member"])
    mine = {"id": proposal["interestGid"], "followedUpBy": {"id": een.gid("contact")}}
    page = await member.data(PAGE, id=proposal["gid"])
    assert page["node"]["expressionsOfInterest"]["edges"] == [
        {"node": {**mine, "status": "SUBMITTED"}}]
    await as_viewer(een.people["facilitator"]).data(DECIDE, input={
        "expressionOfInterest": proposal["interestGid"], "decision": "REJECTED"})
    page = await member.data(PAGE, id=proposal["gid"])
    assert page["node"]["expressionsOfInterest"]["edges"] == [
        {"node": {**mine, "status": "REJECTED"}}]
    # the contact point's facilitators read the same page with every interest
    page = await as_viewer(een.people["colleague"]).data(PAGE, id=proposal["gid"])
    assert [edge["node"]["id"] for edge in page["node"]["expressionsOfInterest"]["edges"]] == [
        proposal["interestGid"]]


async def test_without_a_contact_point_an_interest_waits_for_one(as_viewer: AsViewer,
                                                                 een: Een) -> None:
    await een.name_contact_point(None)
    proposal = await een.proposal()
    member = as_viewer(een.people["member"])
    interest = await express(member, proposal)
    gid = ids.encode("ExpressionOfInterest", interest)
    assert await een.notices(interest) == []
    page = await member.data(PAGE, id=proposal["gid"])
    assert page["node"]["expressionsOfInterest"]["edges"] == [
        {"node": {"id": gid, "status": "SUBMITTED", "followedUpBy": None}}]
    decision = {"expressionOfInterest": gid, "decision": "RELEVANT"}
    for role in ("facilitator", "elsewhere"):
        assert error_codes(await as_viewer(een.people[role])(INTEREST, id=gid)) == [
            "NOT_FOUND"], role
        body = await as_viewer(een.people[role])(DECIDE, input=decision)
        assert error_codes(body) == ["NOT_FOUND"], role
    # named later, the contact point follows up the interest that waited
    await as_viewer(een.people["admin"]).data(SET, input={"organization": een.gid("contact")})
    facilitator = as_viewer(een.people["facilitator"])
    assert (await facilitator.data(INTEREST, id=gid))["node"] == {"status": "SUBMITTED"}
    body = await facilitator.data(DECIDE, input=decision)
    assert body["decideExpressionOfInterest"]["userErrors"] == []
    page = await member.data(PAGE, id=proposal["gid"])
    assert page["node"]["expressionsOfInterest"]["edges"] == [
        {"node": {"id": gid, "status": "RELEVANT", "followedUpBy": {"id": een.gid("contact")}}}]


async def test_another_contact_point_takes_the_follow_up_over(as_viewer: AsViewer,
                                                              een: Een) -> None:
    await een.name_contact_point("contact")
    proposal = await een.proposal("SUBMITTED")
    await een.name_contact_point("other")
    elsewhere = as_viewer(een.people["elsewhere"])
    assert (await elsewhere.data(INTEREST, id=proposal["interestGid"]))["node"] == {
        "status": "SUBMITTED"}
    body = await as_viewer(een.people["facilitator"])(INTEREST, id=proposal["interestGid"])
    assert error_codes(body) == ["NOT_FOUND"]
