"""Projects: the filtered and ordered top-level connection, every nested connection walked both
ways against the probe graph, counts, partner shares, reverse sides and round trips."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import pytest
import pytest_asyncio

from app.db import Database
from tests import probe_projects
from tests.conftest import GraphQL, error_codes, run_test_cypher
from tests.connections import PAGE_INFO, gid, node_ids, ordered, walk
from tests.probe_projects import ProbeGraph, Row

Check = Callable[[Row], bool]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[ProbeGraph]:
    async with probe_projects.created(db) as built:
        yield built


def nested(on: str, field: str, node: str = "", edge: str = "", **arguments: str) -> str:
    """A query of one connection of the node `$id`, taking the page arguments and `arguments`
    (name: GraphQL type)."""
    declared = "".join(f", ${name}: {kind}" for name, kind in arguments.items())
    passed = "".join(f", {name}: ${name}" for name in arguments)
    return f"""
    query($id: ID!, $first: Int, $after: String, $last: Int, $before: String{declared}) {{
      node(id: $id) {{ ... on {on} {{
        {field}(first: $first, after: $after, last: $last, before: $before{passed}) {{
          {PAGE_INFO} edges {{ cursor {edge} node {{ id {node} }} }}
        }}
      }} }}
    }}"""


PROJECTS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $filter: ProjectFilter,
      $orderBy: ProjectOrder) {{
  projects(first: $first, after: $after, last: $last, before: $before, filter: $filter,
           orderBy: $orderBy) {{ {PAGE_INFO} edges {{ cursor node {{ id title }} }} }}
}}"""

PROJECT_ORDERS: dict[str, Callable[[Row], Any]] = {
    "START_DATE": lambda row: row["startDate"],
    "TITLE": lambda row: row["title"],
    "TOTAL_BUDGET": lambda row: row["totalBudget"] or 0,
}


def project_filters(graph: ProbeGraph) -> list[tuple[dict[str, Any], Check]]:
    """Filters of the projects connection and what each lets through (all within the probe's
    funding programme)."""

    def partners(project: Row) -> list[Row]:
        return [graph.named[f"O{index}"] for index in range(6)
                if graph.of("partners", project=project["id"], organization=graph[f"O{index}"])]

    return [
        ({}, lambda row: True),
        ({"statuses": ["ACTIVE"]}, lambda row: row["status"] == "ACTIVE"),
        ({"statuses": ["PLANNED", "CANCELLED"]},
         lambda row: row["status"] in ("PLANNED", "CANCELLED")),
        ({"s3Area": gid("S3Area", graph.areas[0])}, lambda row: graph.areas[0] in row["areas"]),
        ({"partner": gid("Organization", graph["O4"])},
         lambda row: graph.named["O4"] in partners(row)),
        ({"province": "MILANO"},
         lambda row: any(org["province"] == "MILANO" for org in partners(row))),
        ({"province": "PAVIA"},
         lambda row: any(org["province"] == "PAVIA" for org in partners(row))),
        # O4 is the only partner based in COMO: one partnership meets both conditions.
        ({"partner": gid("Organization", graph["O4"]), "province": "COMO"},
         lambda row: graph.named["O4"] in partners(row)
         and any(org["province"] == "COMO" for org in partners(row))),
        ({"startedAfter": "2021-01-01"}, lambda row: row["startDate"] >= date(2021, 1, 1)),
        ({"endedBefore": "2023-12-31"}, lambda row: row["endDate"] <= date(2023, 12, 31)),
        ({"startedAfter": "2021-01-01", "endedBefore": "2023-12-31", "statuses": ["ACTIVE"],
          "province": "BRESCIA"},
         lambda row: row["startDate"] >= date(2021, 1, 1) and row["endDate"] <= date(2023, 12, 31)
         and row["status"] == "ACTIVE"
         and any(org["province"] == "BRESCIA" for org in partners(row))),
    ]


async def test_projects_walk_both_ways_with_every_filter_and_order(
        gql: GraphQL, graph: ProbeGraph) -> None:
    orders: list[tuple[dict[str, str] | None, str, bool]] = [(None, "START_DATE", True)]
    orders += [({"field": field, "direction": direction}, field, direction == "DESC")
               for field in PROJECT_ORDERS for direction in ("ASC", "DESC")]
    # Every filter in the default order, and two of them in every order.
    for extra, passes in project_filters(graph):
        rows = [row for row in graph.rows["projects"] if passes(row)]
        assert 0 < len(rows) < 5 or not extra
        for order_by, field, descending in (
                orders if extra in ({}, {"province": "MILANO"}) else orders[:1]):
            edges = await walk(gql, PROJECTS, ["projects"], 2, orderBy=order_by,
                               filter={"fundingProgramme": graph.programme, **extra})
            expected = ordered("Project", rows, PROJECT_ORDERS[field], descending)
            assert node_ids(edges) == expected, (extra, order_by)


async def test_status_filter_agrees_with_the_whole_graph(gql: GraphQL, db: Database) -> None:
    query = "query($filter: ProjectFilter) { projects(filter: $filter) { totalCount } }"
    total = (await gql.data(query, filter={"statuses": ["ACTIVE"]}))["projects"]["totalCount"]
    [expected] = await run_test_cypher(db, "count_projects_in_states", statuses=["ACTIVE"])
    assert total == expected["n"] >= 2


PROJECT = """
query($id: ID!) { node(id: $id) { ... on Project {
  title acronym status startDate endDate fundingProgramme currency
  totalBudget { amount cents currency }
  partnerCount activityCount followerCount resultCount
  partners { totalCount } activities { totalCount } results { totalCount }
} } }"""


async def test_project_fields_money_and_counts(gql: GraphQL, graph: ProbeGraph) -> None:
    project = (await gql.data(PROJECT, id=gid("Project", graph["P0"])))["node"]
    assert project["title"] == "Beta" and project["status"] == "ACTIVE"
    assert (project["startDate"], project["endDate"]) == ("2021-01-01", "2023-12-31")
    assert project["fundingProgramme"] == graph.programme
    # 500 million euros: more cents than a 32-bit Int holds, exact as strings.
    assert project["totalBudget"] == {"amount": "500000000.00", "cents": "50000000000",
                                      "currency": "EUR"}
    assert project["partnerCount"] == project["partners"]["totalCount"] == 5
    assert project["activityCount"] == project["activities"]["totalCount"] == 8
    assert project["resultCount"] == project["results"]["totalCount"] == 6
    assert project["followerCount"] == 2
    small = (await gql.data(PROJECT, id=gid("Project", graph["P4"])))["node"]
    assert small["totalBudget"] == {"amount": "0.99", "cents": "99", "currency": "CHF"}
    gamma = (await gql.data(PROJECT, id=gid("Project", graph["P2"])))["node"]
    assert gamma["totalBudget"] is None and gamma["partnerCount"] == 1


def amount(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


async def test_partners_carry_role_budget_and_share(gql: GraphQL, graph: ProbeGraph) -> None:
    query = nested("Project", "partners", node="name",
                   edge="role share budget { amount cents currency }")
    for name in ("P0", "P1", "P2", "P3", "P4"):
        project = graph.named[name]
        rows = graph.of("partners", project=project["id"])
        organizations = {row["id"]: row for row in graph.rows["organizations"]}
        edges = await walk(gql, query, ["node", "partners"], 2, id=gid("Project", project["id"]))
        expected = ordered("Organization", [organizations[row["organization"]] for row in rows],
                           lambda row: row["name"])
        assert node_ids(edges) == expected
        by_id = {gid("Organization", row["organization"]): row for row in rows}
        for edge in edges:
            row = by_id[edge["node"]["id"]]
            assert edge["role"] == row["role"]
            if row["budget"] is None:
                assert edge["budget"] is None and edge["share"] is None
                continue
            assert edge["budget"] == {"amount": amount(row["budget"]),
                                      "cents": str(row["budget"]),
                                      "currency": project["currency"]}
            total = project["totalBudget"]
            assert edge["share"] == (pytest.approx(row["budget"] * 100 / total) if total
                                     else None)
    p0 = await walk(gql, query, ["node", "partners"], 5, id=gid("Project", graph["P0"]))
    assert [edge["share"] for edge in p0 if edge["share"] is not None] == [
        pytest.approx(value) for value in (20.0, 10.0, 30.0, 40.0)]  # by name: O2, O4, O1, O0


async def test_people_s3_areas_and_reverse_sides(gql: GraphQL, graph: ProbeGraph) -> None:
    users = {row["id"]: row for row in graph.rows["users"]}
    people = await walk(gql, nested("Project", "people", edge="role"), ["node", "people"], 1,
                        id=gid("Project", graph["P0"]))
    workers = graph.of("workers", project=graph["P0"])
    assert node_ids(people) == ordered("User", [users[row["user"]] for row in workers],
                                       lambda row: row["displayName"])
    roles = {gid("User", row["user"]): row["role"] for row in workers}
    assert {edge["node"]["id"]: edge["role"] for edge in people} == roles

    areas = await walk(gql, nested("Project", "s3Areas", node="code"), ["node", "s3Areas"], 1,
                       id=gid("Project", graph["P0"]))
    codes = [edge["node"]["code"] for edge in areas]
    assert len(codes) == 2 and codes == sorted(codes)

    projects = {row["id"]: row for row in graph.rows["projects"]}
    query = nested("Organization", "projects", edge="role budget { cents } share")
    for organization in ("O0", "O1", "O3"):
        rows = graph.of("partners", organization=graph[organization])
        edges = await walk(gql, query, ["node", "projects"], 1,
                           id=gid("Organization", graph[organization]))
        assert node_ids(edges) == ordered("Project", [projects[row["project"]] for row in rows],
                                          lambda row: row["startDate"], descending=True)
        budgets = {gid("Project", row["project"]): (row["role"], row["budget"]) for row in rows}
        assert {edge["node"]["id"]: (edge["role"], int(edge["budget"]["cents"])
                                     if edge["budget"] else None) for edge in edges} == budgets
    query = nested("User", "projects", edge="role")
    rows = graph.of("workers", user=graph["U0"])
    edges = await walk(gql, query, ["node", "projects"], 1, id=gid("User", graph["U0"]))
    assert node_ids(edges) == ordered("Project", [projects[row["project"]] for row in rows],
                                      lambda row: row["startDate"], descending=True)
    assert {edge["node"]["id"]: edge["role"] for edge in edges} == {
        gid("Project", row["project"]): row["role"] for row in rows}


ACTIVITY_ORDERS: dict[str, Callable[[Row], Any]] = {
    "START_DATE": lambda row: row["startDate"],
    "END_DATE": lambda row: row["endDate"],
    "TITLE": lambda row: row["title"],
}


def activity_filters(graph: ProbeGraph) -> list[tuple[dict[str, Any], Check]]:
    def assigned(row: Row, name: str) -> bool:
        return bool(graph.of("assignments", activity=row["id"], assignee=graph[name]))

    return [
        ({}, lambda row: True),
        ({"statuses": ["DONE"]}, lambda row: row["status"] == "DONE"),
        ({"statuses": ["PLANNED", "BLOCKED"]}, lambda row: row["status"] in ("PLANNED", "BLOCKED")),
        ({"startsAfter": "2021-04-01"}, lambda row: row["startDate"] >= date(2021, 4, 1)),
        ({"endsBefore": "2022-06-30"}, lambda row: row["endDate"] <= date(2022, 6, 30)),
        ({"startsAfter": "2021-04-01", "endsBefore": "2022-06-30"},
         lambda row: row["startDate"] >= date(2021, 4, 1) and row["endDate"] <= date(2022, 6, 30)),
        ({"assignee": gid("User", graph["U0"])}, lambda row: assigned(row, "U0")),
        ({"assignee": gid("Organization", graph["O0"])}, lambda row: assigned(row, "O0")),
        ({"assignee": gid("Organization", graph["O0"]), "statuses": ["IN_PROGRESS"]},
         lambda row: assigned(row, "O0") and row["status"] == "IN_PROGRESS"),
    ]


async def test_activities_walk_with_every_filter_and_order(
        gql: GraphQL, graph: ProbeGraph) -> None:
    query = nested("Project", "activities", node="title startDate endDate status progress",
                   filter="ActivityFilter", orderBy="ActivityOrder")
    orders: list[tuple[dict[str, str] | None, str, bool]] = [(None, "START_DATE", False)]
    orders += [({"field": field, "direction": direction}, field, direction == "DESC")
               for field in ACTIVITY_ORDERS for direction in ("ASC", "DESC")]
    activities = graph.of("activities", project=graph["P0"])
    # Every filter in the default order, and two of them in every order.
    for filter, passes in activity_filters(graph):
        rows = [row for row in activities if passes(row)]
        assert 0 < len(rows) < len(activities) or not filter
        for order_by, field, descending in (
                orders if filter in ({}, {"startsAfter": "2021-04-01"}) else orders[:1]):
            edges = await walk(gql, query, ["node", "activities"], 2,
                               id=gid("Project", graph["P0"]), filter=filter, orderBy=order_by)
            assert node_ids(edges) == ordered("Activity", rows, ACTIVITY_ORDERS[field],
                                              descending), (filter, order_by)


async def test_activities_in_a_date_range(gql: GraphQL, graph: ProbeGraph) -> None:
    query = nested("Project", "activities", node="title", filter="ActivityFilter")
    edges = await walk(gql, query, ["node", "activities"], 3, id=gid("Project", graph["P0"]),
                       filter={"startsAfter": "2021-04-01", "endsBefore": "2022-06-30"})
    # Both bounds are inclusive: A1 and A4 start on the first day, A2 ends on the last.
    assert node_ids(edges) == ordered("Activity", [graph.named[name] for name in
                                                   ("A1", "A4", "A2", "A5")],
                                      lambda row: row["startDate"])


async def test_activity_dependencies_assignees_and_project(
        gql: GraphQL, graph: ProbeGraph) -> None:
    by_start: Callable[[Row], Any] = ACTIVITY_ORDERS["START_DATE"]
    activities = {row["id"]: row for row in graph.rows["activities"]}
    for name in ("A0", "A2", "A6", "A7", "B1"):
        activity = graph[name]
        needs = [activities[row["dependsOn"]] for row in graph.of("dependencies",
                                                                 activity=activity)]
        needed_by = [activities[row["activity"]] for row in graph.of("dependencies",
                                                                    dependsOn=activity)]
        for field, rows in (("dependsOn", needs), ("dependents", needed_by)):
            edges = await walk(gql, nested("Activity", field), ["node", field], 2,
                               id=gid("Activity", activity))
            assert node_ids(edges) == ordered("Activity", rows, by_start), (name, field)
        assignees = {row["assignee"] for row in graph.of("assignments", activity=activity)}
        users = [row for row in graph.rows["users"] if row["id"] in assignees]
        organizations = [row for row in graph.rows["organizations"] if row["id"] in assignees]
        edges = await walk(gql, nested("Activity", "assignedUsers"), ["node", "assignedUsers"],
                           1, id=gid("Activity", activity))
        assert node_ids(edges) == ordered("User", users, lambda row: row["displayName"])
        edges = await walk(gql, nested("Activity", "assignedOrganizations"),
                           ["node", "assignedOrganizations"], 1, id=gid("Activity", activity))
        assert node_ids(edges) == ordered("Organization", organizations,
                                          lambda row: row["name"])
    query = "query($id: ID!) { node(id: $id) { ... on Activity { project { id } } } }"
    found = await gql.data(query, id=gid("Activity", graph["B1"]))
    assert found["node"]["project"]["id"] == gid("Project", graph["P1"])


async def test_milestones_walk_with_every_filter(gql: GraphQL, graph: ProbeGraph) -> None:
    query = nested("Project", "milestones", node="title dueDate reachedAt",
                   filter="MilestoneFilter")
    milestones = graph.of("milestones", project=graph["P0"])
    cases: list[tuple[dict[str, Any] | None, Check]] = [
        (None, lambda row: True),
        ({"reached": True}, lambda row: row["reachedAt"] is not None),
        ({"reached": False}, lambda row: row["reachedAt"] is None),
        ({"dueAfter": "2022-01-15"}, lambda row: row["dueDate"] >= date(2022, 1, 15)),
        ({"dueBefore": "2022-06-30"}, lambda row: row["dueDate"] <= date(2022, 6, 30)),
        ({"reached": False, "dueAfter": "2022-01-01", "dueBefore": "2023-06-01"},
         lambda row: row["reachedAt"] is None
         and date(2022, 1, 1) <= row["dueDate"] <= date(2023, 6, 1)),
    ]
    for filter, passes in cases:
        rows = [row for row in milestones if passes(row)]
        edges = await walk(gql, query, ["node", "milestones"], 2,
                           id=gid("Project", graph["P0"]), filter=filter)
        assert node_ids(edges) == ordered("Milestone", rows, lambda row: row["dueDate"]), filter
        assert all((edge["node"]["reachedAt"] is None) == (row["reachedAt"] is None)
                   for edge, row in zip(edges, sorted(rows, key=lambda row: (
                       row["dueDate"], row["id"])), strict=True))
    project = await gql.data("query($id: ID!) { node(id: $id) { ... on Milestone { project "
                             "{ id } } } }", id=gid("Milestone", graph["M3"]))
    assert project["node"]["project"]["id"] == gid("Project", graph["P0"])


async def test_results_walk_with_every_filter_and_order(gql: GraphQL, graph: ProbeGraph) -> None:
    query = nested("Project", "results", node="title kind date", filter="ResultFilter",
                   orderBy="ResultOrder")
    results = graph.of("results", project=graph["P0"])
    keys: dict[str, Callable[[Row], Any]] = {"DATE": lambda row: row["date"],
                                              "TITLE": lambda row: row["title"]}
    orders: list[tuple[dict[str, str] | None, str, bool]] = [(None, "DATE", True)]
    orders += [({"field": field, "direction": direction}, field, direction == "DESC")
               for field in keys for direction in ("ASC", "DESC")]
    for kinds in (None, ["PUBLICATION"], ["PATENT", "DATASET"], ["PRODUCT"]):
        rows = [row for row in results if kinds is None or row["kind"] in kinds]
        for order_by, field, descending in orders:
            edges = await walk(gql, query, ["node", "results"], 2, id=gid("Project", graph["P0"]),
                               filter={"kinds": kinds}, orderBy=order_by)
            assert node_ids(edges) == ordered("Result", rows, keys[field], descending), (
                kinds, order_by)


async def test_bad_filter_ids_are_bad_input(gql: GraphQL, graph: ProbeGraph) -> None:
    competence = gid("Competence", graph["P0"])
    query = nested("Project", "activities", filter="ActivityFilter")
    body = await gql(query, id=gid("Project", graph["P0"]), filter={"assignee": competence})
    assert error_codes(body) == ["BAD_USER_INPUT"]
    body = await gql(PROJECTS, filter={"partner": gid("User", graph["U0"])})
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_forged_date_cursors_are_bad_input(gql: GraphQL, graph: ProbeGraph) -> None:
    filter = {"fundingProgramme": graph.programme}
    cursor = (await gql.data(PROJECTS, first=1, filter=filter))["projects"]["pageInfo"][
        "endCursor"]
    tag, key, node = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert key == "2023-06-01"  # P1 starts last
    for forged_key in ("2024-13-45", "2024-01-01T00:00:00Z", 20240101, None):
        forged = base64.urlsafe_b64encode(json.dumps([tag, forged_key, node]).encode()).decode()
        body = await gql(PROJECTS, first=1, after=forged, filter=filter)
        assert error_codes(body) == ["BAD_USER_INPUT"], forged_key


async def test_origin_is_a_proposal_the_viewer_may_see(gql: GraphQL, graph: ProbeGraph) -> None:
    query = "query($id: ID!) { node(id: $id) { ... on Project { originatedFrom { id } } } }"
    published = (await gql.data(query, id=gid("Project", graph["P1"])))["node"]
    assert published["originatedFrom"] == {"id": gid("Proposal", graph["Q_published"])}
    for hidden in ("P0", "P2"):  # none, and a draft
        found = (await gql.data(query, id=gid("Project", graph[hidden])))["node"]
        assert found["originatedFrom"] is None


async def round_trips(gql: GraphQL, query: str, size: int, programme: str) -> tuple[int, int]:
    body = await gql(query, size=size, filter={"fundingProgramme": programme})
    assert "errors" not in body, body

    def count(value: Any) -> int:
        if isinstance(value, dict):
            return ("id" in value) + sum(count(item) for item in value.values())
        if isinstance(value, list):
            return sum(count(item) for item in value)
        return 0

    return body["extensions"]["cypher"]["roundTrips"], count(body["data"])


@pytest.mark.parametrize("query", [
    """query($size: Int!, $filter: ProjectFilter) { projects(first: $size, filter: $filter) {
      edges { node { id partners(first: $size) { edges { role node { id
        members(first: $size) { edges { node { id } } } } } } } } } }""",
    """query($size: Int!, $filter: ProjectFilter) { projects(first: $size, filter: $filter) {
      edges { node { id activities(first: $size) { edges { node { id
        dependsOn(first: $size) { edges { node { id } } } } } } } } } }""",
])
async def test_round_trips_follow_depth_not_size(gql: GraphQL, graph: ProbeGraph,
                                                 query: str) -> None:
    small_trips, small_objects = await round_trips(gql, query, 3, graph.programme)
    large_trips, large_objects = await round_trips(gql, query, 20, graph.programme)
    assert large_objects > small_objects > 3
    assert small_trips == large_trips == 3
