"""Proposal mutations: drafting and editing, who may move a proposal through its statuses,
and the whole status machine (every mutation from every status).

A draft is not readable through the API until drafts become visible to their proposers, so
the state of drafts is checked in the database (tests/cypher/proposal_state.cypher) and the
read-back through the API only for published proposals."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app import ids
from schema.opportunities.transitions import EDITABLE, PROPOSAL_TRANSITIONS
from tests.conftest import AsViewer, error_codes, run_test_cypher
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)

STATUSES = ("DRAFT", "TO_VALIDATE", "PUBLISHED", "CLOSED", "ARCHIVED")

CREATE = """
mutation($input: CreateProposalInput!) {
  createProposal(input: $input) {
    proposal { id }
    userErrors { field code }
    clientMutationId
  }
}"""

# Every proposal mutation by its name: the mutation and the input it needs beside `proposal`.
MUTATIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "update": ("updateProposal", {"title": "A better title"}),
    "submit": ("submitProposal", {}),
    "validate": ("validateProposal", {"note": "Fine"}),
    "sendBack": ("sendBackProposal", {"reason": "Say more about the partners sought."}),
    "close": ("closeProposal", {}),
    "archive": ("archiveProposal", {}),
}
# The status each mutation starts from in the role matrix.
STARTS = {"update": "DRAFT", "submit": "DRAFT", "validate": "TO_VALIDATE",
          "sendBack": "TO_VALIDATE", "close": "PUBLISHED", "archive": "CLOSED"}
# Who may do what (platform admins may do everything).
ALLOWED = {
    "author": {"update", "submit", "close", "archive"},
    "orgAdmin": {"update", "submit", "close", "archive"},
    "orgMember": set(),
    "facilitator": {"validate", "sendBack", "close", "archive"},
    "admin": set(MUTATIONS),
    "outsider": set(),
}
# The natural actor of each mutation in the transition matrix.
ACTORS = {"update": "author", "submit": "author", "validate": "facilitator",
          "sendBack": "facilitator", "close": "author", "archive": "orgAdmin"}


def mutation_text(name: str) -> str:
    field, _ = MUTATIONS[name]
    input_type = field[0].upper() + field[1:] + "Input"
    return (f"mutation($input: {input_type}!) {{ {field}(input: $input) {{ "
            "proposal { id status reviewNote } userErrors { field code } } }")


async def act(as_viewer: AsViewer, viewer: str | None, name: str,
              proposal_gid: str) -> dict[str, Any]:
    _, extra = MUTATIONS[name]
    return await as_viewer(viewer)(mutation_text(name),
                                   input={"proposal": proposal_gid, **extra})


def target_of(name: str) -> str:
    if name == "update":
        return "DRAFT"
    [target] = PROPOSAL_TRANSITIONS[name].targets
    return target


def sources_of(name: str) -> frozenset[str]:
    return EDITABLE if name == "update" else PROPOSAL_TRANSITIONS[name].sources


async def sees(as_viewer: AsViewer, viewer: str, proposal_gid: str) -> bool:
    body = await as_viewer(viewer)("query($id: ID!) { node(id: $id) { id } }", id=proposal_gid)
    return bool(body["data"] and body["data"]["node"])


async def test_a_draft_is_created_for_oneself_with_every_field(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    author = workflow.people["outsider"]
    deadline = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()
    body = await as_viewer(author).data(CREATE, input={
        "title": "  Sensors for vineyards  ", "summary": "Short", "description": "Long",
        "kind": "TECHNOLOGY_REQUEST", "collaborationTypes": ["RESEARCH", "LICENSE", "RESEARCH"],
        "developmentStage": "LAB_TESTED", "ipr": "PATENT_PENDING", "deadline": deadline,
        "soughtCompetences": [ids.encode("Competence", workflow.narrow)],
        "s3Areas": [ids.encode("S3Area", workflow.area)], "clientMutationId": "draft-1"})
    payload = body["createProposal"]
    [created] = await run_test_cypher(workflow.db, "proposals_of", user=author)
    # the author reads the draft back; nobody outside sees it
    assert payload == {"proposal": {"id": ids.encode("Proposal", created["id"])},
                       "userErrors": [], "clientMutationId": "draft-1"}
    assert not await sees(as_viewer, workflow.people["orgMember"], payload["proposal"]["id"])
    state = await workflow.state(created["id"])
    properties = state["properties"]
    assert {key: properties[key] for key in (
        "title", "summary", "description", "kind", "collaborationTypes", "developmentStage",
        "ipr", "origin", "status")} == {
        "title": "Sensors for vineyards", "summary": "Short", "description": "Long",
        "kind": "TECHNOLOGY_REQUEST", "collaborationTypes": ["RESEARCH", "LICENSE"],
        "developmentStage": "LAB_TESTED", "ipr": "PATENT_PENDING", "origin": "TERRITORY",
        "status": "DRAFT"}
    assert properties["deadline"].to_native() == date.fromisoformat(deadline)
    assert state["proposers"] == [f"User:{author}"]
    assert state["seeks"] == [workflow.narrow] and state["areas"] == [workflow.area]


async def test_a_draft_on_behalf_of_an_organization_is_proposed_by_both(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    member = workflow.people["orgMember"]
    organization = ids.encode("Organization", workflow.organization)
    await as_viewer(member).data(CREATE, input={"title": "For the company", "kind": "CHALLENGE",
                                                "onBehalfOf": organization})
    [created] = await run_test_cypher(workflow.db, "proposals_of", user=member)
    state = await workflow.state(created["id"])
    assert sorted(state["proposers"]) == sorted(
        [f"User:{member}", f"Organization:{workflow.organization}"])
    # not a member: FORBIDDEN; no such organization: NOT_FOUND; nothing is created
    outsider = as_viewer(workflow.people["outsider"])
    assert error_codes(await outsider(CREATE, input={
        "title": "Not mine", "kind": "CHALLENGE", "onBehalfOf": organization})) == ["FORBIDDEN"]
    assert error_codes(await outsider(CREATE, input={
        "title": "Nobody's", "kind": "CHALLENGE",
        "onBehalfOf": ids.encode("Organization", str(uuid.uuid4()))})) == ["NOT_FOUND"]
    assert await run_test_cypher(workflow.db, "proposals_of",
                                 user=workflow.people["outsider"]) == []


async def test_mistakes_in_a_draft_are_user_errors_and_create_nothing(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    viewer = as_viewer(workflow.people["facilitator"])
    past = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    cases = [
        ({"title": "x", "kind": "CHALLENGE"}, [{"field": "title", "code": "TOO_SHORT"}]),
        ({"title": "Late", "kind": "CHALLENGE", "deadline": past},
         [{"field": "deadline", "code": "OUT_OF_RANGE"}]),
        ({"title": "Unknown", "kind": "CHALLENGE",
          "soughtCompetences": [ids.encode("Competence", str(uuid.uuid4()))]},
         [{"field": "soughtCompetences", "code": "NOT_FOUND"}]),
        ({"title": "Unknown", "kind": "CHALLENGE",
          "s3Areas": [ids.encode("S3Area", str(uuid.uuid4()))]},
         [{"field": "s3Areas", "code": "NOT_FOUND"}]),
    ]
    for given, errors in cases:
        payload = (await viewer.data(CREATE, input=given))["createProposal"]
        assert payload["userErrors"] == errors and payload["proposal"] is None
    assert await run_test_cypher(workflow.db, "proposals_of",
                                 user=workflow.people["facilitator"]) == []
    body = await as_viewer(None)(CREATE, input={"title": "Anonymous", "kind": "CHALLENGE"})
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_an_update_changes_only_what_it_gives(as_viewer: AsViewer,
                                                    workflow: Workflow) -> None:
    proposal = await workflow.proposal("DRAFT", tagged=True)
    body = await as_viewer(workflow.people["orgAdmin"]).data(
        "mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { "
        "userErrors { field code } } }",
        input={"proposal": proposal["gid"], "summary": "Now with a summary",
               "soughtCompetences": [ids.encode("Competence", workflow.other)]})
    assert body["updateProposal"]["userErrors"] == []
    state = await workflow.state(proposal["id"])
    assert state["properties"]["title"] == "Workflow proposal"
    assert state["properties"]["summary"] == "Now with a summary"
    assert state["seeks"] == [workflow.other] and state["areas"] == [workflow.area]


@pytest.mark.parametrize("name", list(MUTATIONS))
async def test_who_may_do_what(as_viewer: AsViewer, workflow: Workflow, name: str) -> None:
    for role, allowed in ALLOWED.items():
        proposal = await workflow.proposal(STARTS[name])
        viewer = workflow.people[role]
        visible = await sees(as_viewer, viewer, proposal["gid"])
        body = await act(as_viewer, viewer, name, proposal["gid"])
        state = (await workflow.state(proposal["id"]))["properties"]
        if name in allowed:
            assert "errors" not in body, (role, body)
            [payload] = body["data"].values()
            assert payload["userErrors"] == [], role
            assert state["status"] == target_of(name), role
        else:
            expected = "FORBIDDEN" if visible else "NOT_FOUND"
            assert error_codes(body) == [expected], (role, body)
            assert state["status"] == STARTS[name] and state["title"] == "Workflow proposal"
    proposal = await workflow.proposal(STARTS[name])
    assert error_codes(await act(as_viewer, None, name, proposal["gid"])) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("name", list(MUTATIONS))
async def test_every_transition_from_every_status(as_viewer: AsViewer, workflow: Workflow,
                                                  name: str) -> None:
    for status in STATUSES:
        proposal = await workflow.proposal(status)
        before = await workflow.state(proposal["id"])
        body = await act(as_viewer, workflow.people[ACTORS[name]], name, proposal["gid"])
        [payload] = (body["data"] or {}).values()
        after = await workflow.state(proposal["id"])
        if status in sources_of(name):
            assert payload["userErrors"] == [], (status, body)
            assert after["properties"]["status"] == target_of(name)
        else:
            assert payload == {"proposal": None, "userErrors": [
                {"field": "proposal", "code": "INVALID_TRANSITION"}]}, (status, body)
            assert after == before, status


async def test_a_proposal_sent_back_keeps_the_reason_and_tells_its_author(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    proposal = await workflow.proposal("TO_VALIDATE")
    await act(as_viewer, workflow.people["facilitator"], "sendBack", proposal["gid"])
    state = await workflow.state(proposal["id"])
    assert state["properties"]["status"] == "DRAFT"
    assert state["properties"]["reviewNote"] == "Say more about the partners sought."
    assert await workflow.notices(proposal["id"]) == [
        {"kind": "PROPOSAL_SENT_BACK", "user": workflow.people["author"], "read": False}]
    body = await as_viewer(workflow.people["facilitator"]).data(
        "mutation($input: SendBackProposalInput!) { sendBackProposal(input: $input) { "
        "userErrors { field code } } }", input={"proposal": proposal["gid"], "reason": ""})
    assert body["sendBackProposal"]["userErrors"] == [{"field": "reason", "code": "TOO_SHORT"}]


async def test_a_validated_proposal_reads_back_with_its_note_for_those_entitled(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    proposal = await workflow.proposal("TO_VALIDATE")
    body = await act(as_viewer, workflow.people["facilitator"], "validate", proposal["gid"])
    assert body["data"]["validateProposal"] == {
        "proposal": {"id": proposal["gid"], "status": "PUBLISHED", "reviewNote": "Fine"},
        "userErrors": []}
    query = "query($id: ID!) { node(id: $id) { ... on Proposal { status reviewNote } } }"
    for role, note in (("author", "Fine"), ("orgAdmin", "Fine"), ("orgMember", None),
                       ("outsider", None), (None, None)):
        viewer = workflow.people[role] if role else None
        found = (await as_viewer(viewer).data(query, id=proposal["gid"]))["node"]
        assert found == {"status": "PUBLISHED", "reviewNote": note}, role


OPEN_IN_AREA = """
query($area: ID!, $before: Date) {
  proposals(first: 10, orderBy: {field: DEADLINE},
            filter: {openOnly: true, s3Area: $area, deadlineBefore: $before}) {
    edges { node { title deadline } }
  }
}"""


async def test_the_deadline_a_proposal_is_given_or_moved_to_decides_when_it_is_open(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    today = datetime.now(UTC).date()

    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    author, area = as_viewer(workflow.people["author"]), ids.encode("S3Area", workflow.area)
    made = {}
    for title, deadline in (("Without a deadline", None), ("Moved sooner", day(60)),
                            ("In three weeks", day(21))):
        body = await author.data(CREATE, input={
            "title": title, "kind": "COLLABORATION", "deadline": deadline, "s3Areas": [area]})
        made[title] = body["createProposal"]["proposal"]["id"]
    moved = await author.data(
        "mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { "
        "userErrors { code } } }", input={"proposal": made["Moved sooner"], "deadline": day(10)})
    assert moved["updateProposal"]["userErrors"] == []
    for gid in made.values():
        for name, actor in (("submit", "author"), ("validate", "facilitator")):
            payload = (await act(as_viewer, workflow.people[actor], name, gid))["data"]
            assert [value["userErrors"] for value in payload.values()] == [[]], name
    listed = await as_viewer(None).data(OPEN_IN_AREA, area=area)
    # soonest first, the one without a deadline after every dated one
    assert [(edge["node"]["title"], edge["node"]["deadline"])
            for edge in listed["proposals"]["edges"]] == [
        ("Moved sooner", day(10)), ("In three weeks", day(21)), ("Without a deadline", None)]
    closing_soon = await as_viewer(None).data(OPEN_IN_AREA, area=area, before=day(15))
    assert [edge["node"]["title"] for edge in closing_soon["proposals"]["edges"]] == [
        "Moved sooner"]
