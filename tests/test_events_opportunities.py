"""The events proposal and interest mutations record: one per change, with the filters
`proposalPublished` uses, a NOTIFICATION_CREATED for each notification (for its person only),
and none for a refusal."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator

import pytest_asyncio

from app import ids
from app.db import Database
from tests.conftest import AsViewer, error_codes, run_test_cypher
from tests.event_probe import Log, Recorded, receivers
from tests.test_interest_mutations import DECIDE, SUBMIT, WITHDRAW
from tests.test_proposal_mutations import CREATE, act
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)

UPDATE = """
mutation($input: UpdateProposalInput!) { updateProposal(input: $input) {
  userErrors { field code }
} }"""


@pytest_asyncio.fixture(loop_scope="session")
async def log(db: Database) -> AsyncIterator[Log]:
    recorded = Log(db)
    await recorded.mark()
    yield recorded


def viewers(workflow: Workflow, *roles: str) -> dict[str, str | None]:
    return {"anonymous": None, **{role: workflow.people[role] for role in roles}}


def notified(events: list[Recorded]) -> Counter[str]:
    """How many NOTIFICATION_CREATED events each person received."""
    return Counter(str(e.event.recipient_id) for e in events if e.type == "NOTIFICATION_CREATED")


async def test_a_draft_records_its_creation_for_its_proposer_only(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    author = workflow.people["orgMember"]
    await as_viewer(author).data(CREATE, input={
        "title": "Events of a draft", "kind": "CHALLENGE",
        "onBehalfOf": ids.encode("Organization", workflow.organization),
        "soughtCompetences": [ids.encode("Competence", workflow.narrow)],
        "s3Areas": [ids.encode("S3Area", workflow.area)]})
    [created] = await run_test_cypher(workflow.db, "proposals_of", user=author)
    [event] = await log.about(created["id"])
    assert (event.type, event.subject, event.scope) == (
        "PROPOSAL_CREATED", ("Proposal", created["id"]), ("ProposalDraft", created["id"]))
    assert event.event.actor_id == author and event.event.recipient_id is None
    assert event.event.s3_areas == {workflow.area}
    assert event.event.competences == {workflow.narrow}
    assert event.payload == {"title": "Events of a draft", "kind": "CHALLENGE",
                             "status": "DRAFT", "organizationId": workflow.organization}
    assert await receivers(workflow.db, event, viewers(
        workflow, "orgMember", "outsider", "facilitator", "admin")) == {"orgMember", "admin"}
    # published later, the proposal is public; what happened to the draft stays private
    gid = ids.encode("Proposal", created["id"])
    await act(as_viewer, author, "submit", gid)
    await act(as_viewer, workflow.people["facilitator"], "validate", gid)
    assert await receivers(workflow.db, event, viewers(
        workflow, "orgMember", "outsider", "facilitator", "admin")) == {"orgMember", "admin"}


async def test_refused_drafts_and_updates_record_nothing(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    outsider = workflow.people["outsider"]
    body = await as_viewer(outsider)(CREATE, input={
        "title": "Not mine", "kind": "CHALLENGE",
        "onBehalfOf": ids.encode("Organization", workflow.organization)})
    assert error_codes(body) == ["FORBIDDEN"]
    proposal = await workflow.proposal("DRAFT")
    body = await as_viewer(outsider)(UPDATE, input={"proposal": proposal["gid"],
                                                    "title": "Taken over"})
    assert error_codes(body) == ["NOT_FOUND"]
    published = await workflow.proposal("PUBLISHED")
    refused = await as_viewer(workflow.people["author"]).data(
        UPDATE, input={"proposal": published["gid"], "title": "Too late"})
    assert refused["updateProposal"]["userErrors"] == [
        {"field": "proposal", "code": "INVALID_TRANSITION"}]
    assert await log.by(outsider) == []
    assert await log.about(proposal["id"], published["id"]) == []


async def test_an_update_records_the_fields_it_set_and_the_new_filters(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    proposal = await workflow.proposal("DRAFT", tagged=True)
    await as_viewer(workflow.people["author"]).data(UPDATE, input={
        "proposal": proposal["gid"], "summary": "Now summed up",
        "soughtCompetences": [ids.encode("Competence", workflow.other)]})
    [event] = await log.about(proposal["id"])
    assert (event.type, event.subject) == ("PROPOSAL_UPDATED", ("Proposal", proposal["id"]))
    assert event.event.s3_areas == {workflow.area}
    assert event.event.competences == {workflow.other}
    assert sorted(event.payload["fields"]) == ["soughtCompetences", "summary"]
    assert event.payload["title"] == "Workflow proposal"


async def test_publishing_records_the_publication_and_each_notification(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    proposal = await workflow.proposal("TO_VALIDATE", tagged=True)
    await act(as_viewer, workflow.people["facilitator"], "validate", proposal["gid"])
    events = await log.about(proposal["id"])
    [published] = [e for e in events if e.type != "NOTIFICATION_CREATED"]
    assert (published.type, published.subject) == (
        "PROPOSAL_PUBLISHED", ("Proposal", proposal["id"]))
    assert published.event.s3_areas == {workflow.area}
    assert published.event.competences == {workflow.broad}
    assert published.payload == {"title": "Workflow proposal", "status": "PUBLISHED",
                                 "previousStatus": "TO_VALIDATE"}
    assert await receivers(workflow.db, published, viewers(workflow, "outsider")) == {
        "anonymous", "outsider"}
    # one event per notification the publication wrote, each for its person alone
    notices = await workflow.notices(proposal["id"])
    assert notified(events) == Counter(notice["user"] for notice in notices)
    assert set(notified(events)) == {workflow.people[role]
                                     for role in ("areaFan", "narrowSkill", "twoWays")}
    for event in events:
        if event.type == "NOTIFICATION_CREATED":
            assert event.subject[0] == "Notification" and event.scope == event.subject
            assert event.payload == {"kind": "PROPOSAL_PUBLISHED", "proposalId": proposal["id"]}
            person = str(event.event.recipient_id)
            assert await receivers(workflow.db, event, {
                "person": person, "facilitator": workflow.people["facilitator"],
                "admin": workflow.people["admin"], "anonymous": None}) == {"person"}
    assert len({e.subject for e in events}) == len(events)


async def test_every_other_transition_records_its_own_event(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    cases = [("submit", "DRAFT", "PROPOSAL_STATUS_CHANGED", "TO_VALIDATE"),
             ("sendBack", "TO_VALIDATE", "PROPOSAL_STATUS_CHANGED", "DRAFT"),
             ("close", "PUBLISHED", "PROPOSAL_CLOSED", "CLOSED"),
             ("archive", "CLOSED", "PROPOSAL_STATUS_CHANGED", "ARCHIVED")]
    actors = {"submit": "author", "sendBack": "facilitator", "close": "author",
              "archive": "orgAdmin"}
    for name, start, event_type, target in cases:
        proposal = await workflow.proposal(start, tagged=True)
        await log.mark()
        await act(as_viewer, workflow.people[actors[name]], name, proposal["gid"])
        events = await log.about(proposal["id"])
        [changed] = [e for e in events if e.type != "NOTIFICATION_CREATED"]
        assert (changed.type, changed.subject, changed.payload) == (
            event_type, ("Proposal", proposal["id"]),
            {"title": "Workflow proposal", "status": target, "previousStatus": start}), name
        assert changed.event.s3_areas == {workflow.area}, name
        expected = {workflow.people["author"]: 1} if name == "sendBack" else {}
        assert notified(events) == Counter(expected), name


async def test_a_transition_refused_records_nothing(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    draft = await workflow.proposal("DRAFT")
    body = await act(as_viewer, workflow.people["author"], "close", draft["gid"])
    assert body["data"]["closeProposal"]["userErrors"] == [
        {"field": "proposal", "code": "INVALID_TRANSITION"}]
    awaiting = await workflow.proposal("TO_VALIDATE")
    body = await act(as_viewer, workflow.people["author"], "validate", awaiting["gid"])
    assert error_codes(body) == ["FORBIDDEN"]
    assert await log.about(draft["id"], awaiting["id"]) == []


async def test_interest_records_its_submission_and_tells_the_proposer(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    proposal = await workflow.proposal("PUBLISHED")
    viewer = as_viewer(workflow.people["outsider"])
    body = await viewer.data(SUBMIT, input={"proposal": proposal["gid"],
                                            "contribution": "Field trials"})
    interest = ids.decode_as(body["submitExpressionOfInterest"]["expressionOfInterest"]["id"],
                             "ExpressionOfInterest")
    events = await log.about(interest)
    [submitted] = [e for e in events if e.type != "NOTIFICATION_CREATED"]
    assert (submitted.type, submitted.subject) == (
        "INTEREST_SUBMITTED", ("ExpressionOfInterest", interest))
    assert submitted.payload == {"proposalId": proposal["id"], "organizationId": None,
                                 "status": "SUBMITTED"}
    assert await receivers(workflow.db, submitted, viewers(
        workflow, "outsider", "author", "orgMember")) == {"outsider", "author"}
    assert notified(events) == Counter({workflow.people["author"]: 1})
    [notice] = [e for e in events if e.type == "NOTIFICATION_CREATED"]
    assert notice.payload == {"kind": "INTEREST_RECEIVED", "interestId": interest}
    # the same interest again is ALREADY_DONE, and records nothing
    await log.mark()
    again = await viewer.data(SUBMIT, input={"proposal": proposal["gid"],
                                             "contribution": "Once more"})
    assert again["submitExpressionOfInterest"]["userErrors"][0]["code"] == "ALREADY_DONE"
    assert await log.by(workflow.people["outsider"]) == []


async def test_deciding_and_withdrawing_interest_record_their_events(
        as_viewer: AsViewer, workflow: Workflow, log: Log) -> None:
    decided = await workflow.proposal("PUBLISHED", interest_status="SUBMITTED",
                                      interested="twoWays")
    await as_viewer(workflow.people["author"]).data(DECIDE, input={
        "expressionOfInterest": decided["interestGid"], "decision": "RELEVANT"})
    events = await log.about(decided["interest"])
    [decision] = [e for e in events if e.type != "NOTIFICATION_CREATED"]
    assert (decision.type, decision.subject, decision.payload) == (
        "INTEREST_DECIDED", ("ExpressionOfInterest", decided["interest"]),
        {"proposalId": decided["id"], "status": "RELEVANT", "previousStatus": "SUBMITTED"})
    assert decision.event.s3_areas == decision.event.competences == frozenset()
    assert notified(events) == Counter({workflow.people["twoWays"]: 1})
    # withdrawn: its own event, no notification; a second withdrawal is refused, unrecorded
    withdrawn = await workflow.proposal("PUBLISHED", interest_status="SUBMITTED",
                                        interested="twoWays")
    viewer = as_viewer(workflow.people["twoWays"])
    await viewer.data(WITHDRAW, input={"expressionOfInterest": withdrawn["interestGid"]})
    refused = await viewer.data(WITHDRAW,
                                input={"expressionOfInterest": withdrawn["interestGid"]})
    assert refused["withdrawExpressionOfInterest"]["userErrors"][0]["code"] == (
        "INVALID_TRANSITION")
    [event] = await log.about(withdrawn["interest"])
    assert (event.type, event.payload) == (
        "INTEREST_WITHDRAWN",
        {"proposalId": withdrawn["id"], "status": "WITHDRAWN", "previousStatus": "SUBMITTED"})
