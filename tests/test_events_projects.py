"""The events project mutations record: every one with its project (the `projectUpdated`
filter), `change` saying what happened when one type covers several changes, budget events
only for those who may see the budget (a deleted line's as much as a live one's), and none for
a refusal or a change that changed nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from app import ids
from app.db import Database
from tests import project_team
from tests.conftest import AsViewer, error_codes, run_test_cypher
from tests.event_probe import Log, Recorded, receivers
from tests.project_team import Team
from tests.test_project_mutations import (
    ADD_DEPENDENCY,
    ADD_PARTNER,
    CREATE_ACTIVITY,
    CREATE_LINE,
    CREATE_PROJECT,
    PARTNER,
    UPDATE_ACTIVITY,
    UPDATE_LINE,
    UPDATE_PROJECT,
    activity_input,
    line_input,
)

REMOVE_PARTNER = """
mutation($input: RemovePartnerInput!) { removePartner(input: $input) { userErrors { code } } }"""
ADD_PERSON = """
mutation($input: AddProjectPersonInput!) { addProjectPerson(input: $input) {
  userErrors { code } } }"""
REMOVE_PERSON = """
mutation($input: RemoveProjectPersonInput!) { removeProjectPerson(input: $input) {
  userErrors { code } } }"""
REMOVE_DEPENDENCY = """
mutation($activity: ID!, $dependsOn: ID!) {
  removeActivityDependency(input: {activity: $activity, dependsOn: $dependsOn}) {
    userErrors { code } } }"""
DELETE_ACTIVITY = """
mutation($input: DeleteActivityInput!) { deleteActivity(input: $input) { deletedActivityId } }"""
CREATE_MILESTONE = """
mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) {
  milestone { id } userErrors { code } } }"""
UPDATE_MILESTONE = """
mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) {
  userErrors { code } } }"""
CREATE_RESULT = """
mutation($input: CreateResultInput!) { createResult(input: $input) {
  result { id } userErrors { code } } }"""
UPDATE_RESULT = """
mutation($input: UpdateResultInput!) { updateResult(input: $input) { userErrors { code } } }"""
DELETE_LINE = """
mutation($input: DeleteBudgetLineInput!) { deleteBudgetLine(input: $input) {
  deletedBudgetLineId } }"""


@pytest_asyncio.fixture(loop_scope="session")
async def team(db: Database) -> AsyncIterator[Team]:
    async with project_team.team(db) as built:
        yield built


@pytest_asyncio.fixture(loop_scope="session")
async def log(db: Database) -> AsyncIterator[Log]:
    recorded = Log(db)
    await recorded.mark()
    yield recorded


def node(global_id: str) -> str:
    return ids.decode(global_id, frozenset({"Activity", "Milestone", "Result", "BudgetLine",
                                            "Project"}))[1]


def everyone(team: Team) -> dict[str, str | None]:
    return {"anonymous": None, **team.users}


def summary(event: Recorded) -> tuple[str, tuple[str, str], tuple[str, str], str | None]:
    return event.type, event.subject, event.scope, event.event.project_id


async def test_a_project_records_its_creation_and_its_updates(
        as_viewer: AsViewer, team: Team, log: Log, db: Database) -> None:
    areas = [row["id"] for row in await run_test_cypher(db, "some_s3_areas")][:2]
    given = {"organization": team.org("coordinator"),
             "fromProposal": ids.encode("Proposal", team.proposal),
             "startDate": "2026-01-01", "endDate": "2027-12-31", "totalBudget": "5000.50",
             "s3Areas": [ids.encode("S3Area", area) for area in areas]}
    assert error_codes(await as_viewer(team.users["partner_member"])(
        CREATE_PROJECT, input=given)) == ["FORBIDDEN"]
    assert await log.by(team.users["partner_member"]) == []
    created = (await as_viewer(team.users["admin"]).data(CREATE_PROJECT, input=given))[
        "createProject"]["project"]["id"]
    project = node(created)
    [event] = await log.about(project)
    assert summary(event) == ("PROJECT_CREATED", ("Project", project), ("Project", project),
                              project)
    assert event.event.s3_areas == set(areas)
    assert {**event.payload, "candidateIds": sorted(event.payload["candidateIds"])} == {
        "title": "Probe proposal", "status": "PLANNED",
        "coordinatorId": team.organizations["coordinator"], "proposalId": team.proposal,
        "candidateIds": sorted([team.organizations["relevant"],
                                team.organizations["partner"]])}
    assert await receivers(db, event, everyone(team)) == set(everyone(team))

    await log.mark()
    admin = as_viewer(team.users["admin"])
    jump = await admin.data(UPDATE_PROJECT, input={"project": created, "status": "COMPLETED"})
    assert jump["updateProject"]["userErrors"] != []
    await admin.data(UPDATE_PROJECT, input={"project": created, "status": "ACTIVE",
                                            "totalBudget": "6000.00"})
    [event] = await log.about(project)
    assert summary(event) == ("PROJECT_UPDATED", ("Project", project), ("Project", project),
                              project)
    payload = event.payload
    assert sorted(payload.pop("fields")) == ["status", "totalBudget"]
    assert payload == {"title": "Probe proposal", "status": "ACTIVE", "previousStatus": "PLANNED"}


async def test_partners_and_people_changes_are_recorded_on_the_project(
        as_viewer: AsViewer, team: Team, log: Log, db: Database) -> None:
    admin = as_viewer(team.users["admin"])
    organization, person = team.organizations["relevant"], team.users["outsider"]
    partner = {"project": team.project_gid, "organization": team.org("relevant")}
    await admin.data(ADD_PARTNER, input={**partner, "budget": "100.00"})
    await admin.data(ADD_PARTNER, input=partner)  # ALREADY_DONE
    await admin.data(PARTNER, input={**partner, "role": "ASSOCIATED"})
    await admin.data(REMOVE_PARTNER, input=partner)
    user = {"project": team.project_gid, "person": ids.encode("User", person)}
    await admin.data(ADD_PERSON, input={**user, "role": "RESEARCHER"})
    await admin.data(ADD_PERSON, input={**user, "role": "ADVISOR"})
    await admin.data(REMOVE_PERSON, input=user)
    assert error_codes(await as_viewer(team.users["worker"])(REMOVE_PERSON, input=user)) == [
        "FORBIDDEN"]
    events = await log.about(team.project)
    assert [(e.type, e.subject, e.scope, e.event.project_id, e.payload) for e in events] == [
        ("PROJECT_PARTNERS_CHANGED", ("Organization", organization), ("Project", team.project),
         team.project, payload) for payload in (
            {"change": "CREATED", "role": "PARTNER", "budget": 10000},
            {"change": "UPDATED", "role": "ASSOCIATED", "budget": 10000},
            {"change": "DELETED"})] + [
        ("PROJECT_PEOPLE_CHANGED", ("User", person), ("Project", team.project),
         team.project, payload) for payload in (
            {"change": "CREATED", "role": "RESEARCHER"},
            {"change": "UPDATED", "role": "ADVISOR"},
            {"change": "DELETED"})]
    assert await receivers(db, events[0], everyone(team)) == set(everyone(team))


async def test_the_work_plan_records_each_change_once(
        as_viewer: AsViewer, team: Team, log: Log) -> None:
    worker = as_viewer(team.users["worker"])
    made = [node((await worker.data(CREATE_ACTIVITY, input=activity_input(
        team, title, start, end)))["createActivity"]["activity"]["id"])
        for title, start, end in [("Design", "2025-01-01", "2025-01-31"),
                                  ("Build", "2025-02-01", "2025-03-31")]]
    design, build = made
    gid = {activity: ids.encode("Activity", activity) for activity in made}
    await worker.data(UPDATE_ACTIVITY, input={"activity": gid[build], "progress": 40,
                                              "assignees": [team.org("partner")]})
    for _ in range(2):  # the second of each changes nothing and records nothing
        await worker.data(ADD_DEPENDENCY, activity=gid[build], dependsOn=gid[design])
    for _ in range(2):
        await worker.data(REMOVE_DEPENDENCY, activity=gid[build], dependsOn=gid[design])
    await worker.data(DELETE_ACTIVITY, input={"activity": gid[design]})
    events = await log.about(*made)
    assert all(e.event.project_id == team.project for e in events)
    assert [(e.type, e.subject, e.scope) for e in events] == [
        ("ACTIVITY_CHANGED", ("Activity", activity), scope) for activity, scope in (
            (design, ("Activity", design)), (build, ("Activity", build)),
            (build, ("Activity", build)), (build, ("Activity", build)),
            (build, ("Activity", build)), (design, ("Project", team.project)))]
    created, _, updated, added, removed, deleted = (e.payload for e in events)
    assert created == {"change": "CREATED", "title": "Design", "status": "PLANNED",
                       "startDate": "2025-01-01", "endDate": "2025-01-31", "progress": 0}
    assert sorted(updated.pop("fields")) == ["assignees", "progress"]
    assert updated == {"change": "UPDATED", "title": "Build", "status": "PLANNED",
                       "progress": 40}
    assert added == {"change": "UPDATED", "dependencyAdded": design}
    assert removed == {"change": "UPDATED", "dependencyRemoved": design}
    assert deleted == {"change": "DELETED", "title": "Design"}


async def test_milestones_and_results_record_their_changes(
        as_viewer: AsViewer, team: Team, log: Log) -> None:
    worker = as_viewer(team.users["worker"])
    milestone = (await worker.data(CREATE_MILESTONE, input={
        "project": team.project_gid, "title": "Prototype", "dueDate": "2025-06-30",
        "reachedAt": "2025-06-20T10:00:00Z"}))["createMilestone"]["milestone"]["id"]
    await worker.data(UPDATE_MILESTONE, input={"milestone": milestone, "unreached": True})
    result = (await worker.data(CREATE_RESULT, input={
        "project": team.project_gid, "title": "A paper", "kind": "PUBLICATION",
        "date": "2025-07-01"}))["createResult"]["result"]["id"]
    await worker.data(UPDATE_RESULT, input={"result": result, "kind": "DATASET"})
    refused = await as_viewer(team.users["outsider"])(UPDATE_RESULT, input={
        "result": result, "title": "Mine now"})
    assert error_codes(refused) == ["FORBIDDEN"]
    events = await log.about(node(milestone), node(result))
    assert [(e.type, e.subject, e.event.project_id) for e in events] == [
        ("MILESTONE_CHANGED", ("Milestone", node(milestone)), team.project)] * 2 + [
        ("RESULT_CHANGED", ("Result", node(result)), team.project)] * 2
    reached, unreached, made, changed = (e.payload for e in events)
    assert reached["change"] == "CREATED" and reached["dueDate"] == "2025-06-30"
    assert reached["reachedAt"].startswith("2025-06-20T10:00:00")
    assert unreached == {"change": "UPDATED", "fields": ["reachedAt"], "title": "Prototype",
                         "dueDate": "2025-06-30", "reachedAt": None}
    assert made == {"change": "CREATED", "title": "A paper", "kind": "PUBLICATION",
                    "date": "2025-07-01"}
    assert changed == {"change": "UPDATED", "fields": ["kind"], "title": "A paper",
                       "kind": "DATASET"}


async def test_budget_events_reach_only_those_who_may_see_the_budget(
        as_viewer: AsViewer, team: Team, log: Log, db: Database) -> None:
    admin = as_viewer(team.users["admin"])
    line = (await admin.data(CREATE_LINE, input=line_input(team, "10.00", spent="2.50")))[
        "createBudgetLine"]["budgetLine"]["id"]
    await admin.data(UPDATE_LINE, input={"budgetLine": line, "planned": "12.00",
                                         "partner": team.org("coordinator")})
    assert error_codes(await as_viewer(team.users["worker"])(DELETE_LINE, input={
        "budgetLine": line})) == ["FORBIDDEN"]
    await admin.data(DELETE_LINE, input={"budgetLine": line})
    line_id = node(line)
    events = await log.about(line_id)
    assert [summary(e) for e in events] == [
        ("BUDGET_CHANGED", ("BudgetLine", line_id), ("BudgetLine", line_id), team.project),
        ("BUDGET_CHANGED", ("BudgetLine", line_id), ("BudgetLine", line_id), team.project),
        ("BUDGET_CHANGED", ("BudgetLine", line_id), ("ProjectPrivate", team.project),
         team.project)]
    created, updated, deleted = (e.payload for e in events)
    assert created == {"change": "CREATED", "category": "PERSONNEL", "planned": 1000,
                       "spent": 250, "partnerId": team.organizations["partner"]}
    assert sorted(updated.pop("fields")) == ["partner", "planned"]
    assert updated == {"change": "UPDATED", "category": "PERSONNEL", "planned": 1200,
                       "spent": 250, "partnerId": team.organizations["coordinator"]}
    assert deleted == {**updated, "change": "DELETED"}
    # the deleted line's event reaches who may see the project's budget, not everyone
    entitled = {"admin", "partner_member", "worker", "platform_admin"}
    assert await receivers(db, events[-1], everyone(team)) == entitled
    await log.mark()  # a live line's event: the same people, by the line's own rule
    live = (await admin.data(CREATE_LINE, input=line_input(team, "1.00")))[
        "createBudgetLine"]["budgetLine"]["id"]
    [event] = await log.about(node(live))
    assert await receivers(db, event, everyone(team)) == entitled
