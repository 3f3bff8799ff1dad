"""Running projects through mutations: who may act, the work plan's dates and dependencies,
partners, and a budget that stays exact and within its total, even under concurrency."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests import project_team
from tests.conftest import AsViewer, GraphQL, error_codes, run_test_cypher
from tests.project_team import Team

CREATE_ACTIVITY = """
mutation($input: CreateActivityInput!) { createActivity(input: $input) {
  activity { id title startDate endDate progress assignedUsers { totalCount }
             assignedOrganizations { totalCount } }
  userErrors { field code }
} }"""
UPDATE_ACTIVITY = """
mutation($input: UpdateActivityInput!) { updateActivity(input: $input) {
  activity { id startDate endDate } userErrors { field code }
} }"""
ADD_DEPENDENCY = """
mutation($activity: ID!, $dependsOn: ID!) {
  addActivityDependency(input: {activity: $activity, dependsOn: $dependsOn}) {
    activity { id } userErrors { field code }
} }"""
CREATE_LINE = """
mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) {
  budgetLine { id planned { amount cents } spent { amount } } overspent
  userErrors { field code }
} }"""
UPDATE_LINE = """
mutation($input: UpdateBudgetLineInput!) { updateBudgetLine(input: $input) {
  budgetLine { id planned { cents } } userErrors { field code }
} }"""
TOTALS = """
query($id: ID!) { node(id: $id) { ... on Project {
  budgetByPartner { partner { id } planned { amount cents } spent { amount } }
  budgetByCategory { category planned { amount cents } spent { amount } }
} } }"""
CREATE_PROJECT = """
mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id title status totalBudget { amount } originatedFrom { id }
            partners { edges { role candidate budget { cents } node { id } } }
            people { edges { role node { id } } } }
  userErrors { field code }
} }"""
UPDATE_PROJECT = """
mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  project { status } userErrors { field code }
} }"""
PARTNER = """
mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) {
  project { partners { edges { role node { id } } } } userErrors { field code }
} }"""
ADD_PARTNER = """
mutation($input: AddPartnerInput!) { addPartner(input: $input) {
  project { partners { edges { role node { id } } } } userErrors { field code }
} }"""


@pytest_asyncio.fixture(loop_scope="session")
async def team(db: Database) -> AsyncIterator[Team]:
    async with project_team.team(db) as built:
        yield built


def activity_input(team: Team, title: str, start: str, end: str, **more: Any) -> dict[str, Any]:
    return {"project": team.project_gid, "title": title, "startDate": start, "endDate": end,
            **more}


def line_input(team: Team, planned: str, partner: str = "partner", **more: Any) -> dict[str, Any]:
    return {"project": team.project_gid, "partner": team.org(partner), "category": "PERSONNEL",
            "planned": planned, **more}


async def test_who_may_keep_the_work_plan_and_the_budget(
        as_viewer: AsViewer, gql: GraphQL, team: Team) -> None:
    assignees = [ids.encode("User", team.users["worker"]), team.org("partner")]
    work = activity_input(team, "Kick-off", "2025-01-01", "2025-02-01", assignees=assignees)
    line = line_input(team, "10.00")
    expected = {  # role: (work plan, budget)
        "admin": (None, None), "platform_admin": (None, None), "worker": (None, "FORBIDDEN"),
        "partner_member": ("FORBIDDEN", "FORBIDDEN"), "outsider": ("FORBIDDEN", "FORBIDDEN"),
    }
    for role, (work_error, budget_error) in expected.items():
        viewer = as_viewer(team.users[role])
        body = await viewer(CREATE_ACTIVITY, input=work)
        assert error_codes(body) == ([work_error] if work_error else []), role
        if work_error is None:
            activity = body["data"]["createActivity"]["activity"]
            assert activity["title"] == "Kick-off"
            assert activity["assignedUsers"] == activity["assignedOrganizations"] == {
                "totalCount": 1}
        body = await viewer(CREATE_LINE, input=line)
        assert error_codes(body) == ([budget_error] if budget_error else []), role
    stranger = {**work, "assignees": [ids.encode("User", team.users["outsider"])]}
    refused = await as_viewer(team.users["worker"]).data(CREATE_ACTIVITY, input=stranger)
    assert refused["createActivity"] == {"activity": None, "userErrors": [
        {"field": "assignees", "code": "NOT_ALLOWED"}]}
    for mutation, given in [(CREATE_ACTIVITY, work), (CREATE_LINE, line)]:
        assert error_codes(await gql(mutation, input=given)) == ["UNAUTHENTICATED"]

    # A line is hidden from outsiders (NOT_FOUND) and read-only for partners' members.
    created = await as_viewer(team.users["admin"]).data(CREATE_LINE, input=line)
    line_id = created["createBudgetLine"]["budgetLine"]["id"]
    change = {"budgetLine": line_id, "planned": "20.00"}
    for role, code in [("outsider", "NOT_FOUND"), ("partner_member", "FORBIDDEN"),
                       ("worker", "FORBIDDEN")]:
        assert error_codes(await as_viewer(team.users[role])(UPDATE_LINE, input=change)) == [code]
    changed = await as_viewer(team.users["admin"]).data(UPDATE_LINE, input=change)
    assert changed["updateBudgetLine"]["budgetLine"]["planned"]["cents"] == "2000"


async def test_a_cycle_of_dependencies_is_refused_and_nothing_is_written(
        as_viewer: AsViewer, team: Team, db: Database) -> None:
    viewer = as_viewer(team.users["worker"])
    made = []
    for title, start, end in [("Step A", "2025-01-01", "2025-01-31"), ("Step B", "2025-02-01",
                              "2025-02-28"), ("Step C", "2025-03-01", "2025-03-31")]:
        body = await viewer.data(CREATE_ACTIVITY, input=activity_input(team, title, start, end))
        made.append(body["createActivity"]["activity"]["id"])
    a, b, c = made
    for activity, prerequisite in [(b, a), (c, b)]:
        body = await viewer.data(ADD_DEPENDENCY, activity=activity, dependsOn=prerequisite)
        assert body["addActivityDependency"]["userErrors"] == []
    before = await run_test_cypher(db, "project_dependencies", project=team.project)
    for activity, prerequisite in [(a, c), (a, a)]:
        body = await viewer.data(ADD_DEPENDENCY, activity=activity, dependsOn=prerequisite)
        assert body["addActivityDependency"] == {
            "activity": None, "userErrors": [{"field": "dependsOn", "code": "CYCLE"}]}
    after = await run_test_cypher(db, "project_dependencies", project=team.project)
    assert len(before) == 2 and sorted(map(str, after)) == sorted(map(str, before))


async def test_dates_stay_in_order_with_dependencies(as_viewer: AsViewer, team: Team) -> None:
    viewer = as_viewer(team.users["worker"])
    backwards = await viewer.data(CREATE_ACTIVITY, input=activity_input(
        team, "Backwards", "2025-05-01", "2025-04-01"))
    assert backwards["createActivity"]["userErrors"] == [
        {"field": "endDate", "code": "DATES_OUT_OF_ORDER"}]
    first = (await viewer.data(CREATE_ACTIVITY, input=activity_input(
        team, "First", "2025-01-01", "2025-03-31")))["createActivity"]["activity"]["id"]
    early = (await viewer.data(CREATE_ACTIVITY, input=activity_input(
        team, "Early", "2025-03-01", "2025-04-30")))["createActivity"]["activity"]["id"]
    refused = await viewer.data(ADD_DEPENDENCY, activity=early, dependsOn=first)
    assert refused["addActivityDependency"]["userErrors"] == [
        {"field": "dependsOn", "code": "DATES_OUT_OF_ORDER"}]
    moved = await viewer.data(UPDATE_ACTIVITY, input={"activity": early,
                                                      "startDate": "2025-04-01"})
    assert moved["updateActivity"]["activity"]["startDate"] == "2025-04-01"
    added = await viewer.data(ADD_DEPENDENCY, activity=early, dependsOn=first)
    assert added["addActivityDependency"]["userErrors"] == []
    # Now neither may move past the other: the prerequisite's end, the dependent's start.
    for activity, change in [(first, {"endDate": "2025-04-15"}),
                             (early, {"startDate": "2025-03-15"})]:
        body = await viewer.data(UPDATE_ACTIVITY, input={"activity": activity, **change})
        assert body["updateActivity"] == {"activity": None, "userErrors": [
            {"field": "startDate", "code": "DATES_OUT_OF_ORDER"}]}
    unchanged = await viewer.data("query($id: ID!) { node(id: $id) { ... on Activity { "
                                  "startDate endDate } } }", id=first)
    assert unchanged["node"] == {"startDate": "2025-01-01", "endDate": "2025-03-31"}


async def test_an_over_budget_line_is_refused_and_the_totals_stay(
        as_viewer: AsViewer, team: Team) -> None:
    admin = as_viewer(team.users["admin"])
    assert (await admin.data(CREATE_LINE, input=line_input(team, "600.00")))[
        "createBudgetLine"]["userErrors"] == []
    totals = await admin.data(TOTALS, id=team.project_gid)
    refused = await admin.data(CREATE_LINE, input=line_input(team, "400.01", "coordinator"))
    assert refused["createBudgetLine"] == {"budgetLine": None, "overspent": False,
                                           "userErrors": [{"field": "planned",
                                                           "code": "OVER_BUDGET"}]}
    assert await admin.data(TOTALS, id=team.project_gid) == totals
    # Exactly up to the total fits; beyond it only the coordinator's admin may allow it.
    fits = await admin.data(CREATE_LINE, input=line_input(team, "400.00", spent="450.00"))
    assert fits["createBudgetLine"]["overspent"] is True
    over = line_input(team, "1.00", allowOverBudget=True)
    assert error_codes(await as_viewer(team.users["worker"])(CREATE_LINE, input=over)) == [
        "FORBIDDEN"]
    allowed = await admin.data(CREATE_LINE, input=over)
    assert allowed["createBudgetLine"]["userErrors"] == []
    by_partner = (await admin.data(TOTALS, id=team.project_gid))["node"]["budgetByPartner"]
    assert by_partner == [{"partner": {"id": team.org("partner")},
                           "planned": {"amount": "1001.00", "cents": "100100"},
                           "spent": {"amount": "450.00"}}]


async def test_concurrent_lines_cannot_together_exceed_the_total(
        as_viewer: AsViewer, team: Team) -> None:
    admin = as_viewer(team.users["admin"])
    bodies = await asyncio.gather(*(admin(CREATE_LINE, input=line_input(team, "600.00"))
                                    for _ in range(10)))
    assert [body.get("errors") for body in bodies] == [None] * 10
    errors = [body["data"]["createBudgetLine"]["userErrors"] for body in bodies]
    assert errors.count([]) == 1
    totals = (await admin.data(TOTALS, id=team.project_gid))["node"]["budgetByCategory"]
    assert totals == [{"category": "PERSONNEL", "planned": {"amount": "600.00", "cents": "60000"},
                       "spent": {"amount": "0.00"}}]


async def test_amounts_add_up_exactly(as_viewer: AsViewer, team: Team) -> None:
    admin = as_viewer(team.users["admin"])
    for planned in ("0.10", "0.20"):
        body = await admin.data(CREATE_LINE, input=line_input(team, planned, category="TRAVEL"))
        assert body["createBudgetLine"]["budgetLine"]["planned"]["amount"] == planned
    totals = (await admin.data(TOTALS, id=team.project_gid))["node"]["budgetByCategory"]
    assert totals == [{"category": "TRAVEL", "planned": {"amount": "0.30", "cents": "30"},
                       "spent": {"amount": "0.00"}}]
    three_places = await admin.data(CREATE_LINE, input=line_input(team, "0.105"))
    assert three_places["createBudgetLine"]["userErrors"] == [
        {"field": "planned", "code": "INVALID"}]


async def test_a_project_from_a_proposal_makes_relevant_respondents_candidates(
        as_viewer: AsViewer, team: Team) -> None:
    given = {"organization": team.org("coordinator"),
             "fromProposal": ids.encode("Proposal", team.proposal),
             "startDate": "2026-01-01", "endDate": "2027-12-31", "totalBudget": "5000.50"}
    refused = await as_viewer(team.users["partner_member"])(CREATE_PROJECT, input=given)
    assert error_codes(refused) == ["FORBIDDEN"]
    project = (await as_viewer(team.users["admin"]).data(CREATE_PROJECT, input=given))[
        "createProject"]["project"]
    assert project["title"] == "Probe proposal" and project["status"] == "PLANNED"
    assert project["totalBudget"] == {"amount": "5000.50"}
    assert project["originatedFrom"] == {"id": ids.encode("Proposal", team.proposal)}
    partners = {edge["node"]["id"]: (edge["role"], edge["candidate"], edge["budget"])
                for edge in project["partners"]["edges"]}
    assert partners == {team.org("coordinator"): ("COORDINATOR", False, {"cents": "0"}),
                        team.org("relevant"): ("ASSOCIATED", True, {"cents": "0"}),
                        team.org("partner"): ("ASSOCIATED", True, {"cents": "0"})}
    assert project["people"]["edges"] == [
        {"role": "MANAGER", "node": {"id": ids.encode("User", team.users["admin"])}}]

    confirmed = await as_viewer(team.users["admin"]).data(PARTNER, input={
        "project": project["id"], "organization": team.org("relevant"), "role": "PARTNER"})
    roles = {edge["node"]["id"]: edge["role"]
             for edge in confirmed["updatePartner"]["project"]["partners"]["edges"]}
    assert roles[team.org("relevant")] == "PARTNER"


async def test_status_moves_forward_and_a_project_keeps_one_coordinator(
        as_viewer: AsViewer, team: Team) -> None:
    admin = as_viewer(team.users["admin"])
    jump = await admin.data(UPDATE_PROJECT, input={"project": team.project_gid,
                                                   "status": "COMPLETED"})
    assert jump["updateProject"]["userErrors"] == [{"field": "status",
                                                    "code": "INVALID_TRANSITION"}]
    start = await admin.data(UPDATE_PROJECT, input={"project": team.project_gid,
                                                    "status": "ACTIVE"})
    assert start["updateProject"] == {"project": {"status": "ACTIVE"}, "userErrors": []}
    demote = await admin.data(PARTNER, input={"project": team.project_gid,
                                              "organization": team.org("coordinator"),
                                              "role": "PARTNER"})
    assert demote["updatePartner"]["userErrors"] == [{"field": "role", "code": "NOT_ALLOWED"}]
    assert error_codes(await as_viewer(team.users["worker"])(ADD_PARTNER, input={
        "project": team.project_gid, "organization": team.org("relevant")})) == ["FORBIDDEN"]
    handover = await admin.data(ADD_PARTNER, input={"project": team.project_gid,
                                                    "organization": team.org("relevant"),
                                                    "role": "COORDINATOR"})
    roles = sorted(edge["role"] for edge in
                   handover["addPartner"]["project"]["partners"]["edges"])
    assert roles == ["COORDINATOR", "PARTNER", "PARTNER"]
