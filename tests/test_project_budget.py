"""A project's budget: lines and totals only for the people working on the project and the
members of its partner organizations, through every path; totals agree with the lines."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest_asyncio

from app.db import Database
from tests import probe_projects
from tests.conftest import GraphQL, Viewer, error_codes
from tests.connections import PAGE_INFO, gid, node_ids, ordered, walk
from tests.probe_projects import ProbeGraph, Row

CATEGORIES = ["PERSONNEL", "EQUIPMENT", "SERVICES", "TRAVEL", "OTHER"]

LINES = f"""
query($id: ID!, $first: Int, $after: String, $last: Int, $before: String,
      $filter: BudgetLineFilter) {{
  node(id: $id) {{ ... on Project {{
    budgetLines(first: $first, after: $after, last: $last, before: $before, filter: $filter) {{
      {PAGE_INFO}
      edges {{ cursor node {{ id category planned {{ amount cents currency }} spent {{ cents }}
                            partner {{ id }} project {{ id }} }} }}
    }}
  }} }}
}}"""

TOTALS = """
query($id: ID!) { node(id: $id) { ... on Project {
  budgetLines { totalCount edges { node { id } } }
  budgetByPartner { partner { id name } planned { amount cents currency } spent { cents } }
  budgetByCategory { category planned { amount cents currency } spent { cents } }
} } }"""

LINE = """
query($id: ID!) { node(id: $id) { id ... on BudgetLine { category planned { cents } } } }"""


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[ProbeGraph]:
    async with probe_projects.created(db) as built:
        yield built


def amount(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


async def test_budget_is_hidden_from_anonymous_visitors_and_outsiders(
        gql: GraphQL, as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    # U6 has no ties; U3 works on another project; U5 belongs to a partner of another project.
    clients: list[GraphQL | Viewer] = [gql, as_viewer(None)]
    clients += [as_viewer(graph[name]) for name in ("U6", "U3", "U5")]
    lines = [gid("BudgetLine", row["id"]) for row in graph.of("budgetLines", project=graph["P0"])]
    for client in clients:
        project = (await client.data(TOTALS, id=gid("Project", graph["P0"])))["node"]
        assert project == {"budgetLines": {"totalCount": 0, "edges": []},
                           "budgetByPartner": [], "budgetByCategory": []}
        for line in lines[:2]:
            body = await client(LINE, id=line)
            assert body["data"] == {"node": None}
            assert error_codes(body) == ["NOT_FOUND"]
        found = await client.data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=lines)
        assert found["nodes"] == [None] * len(lines)


async def test_budget_lines_walk_for_workers_and_partner_members(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    lines = graph.of("budgetLines", project=graph["P0"])
    cases: list[tuple[dict[str, Any] | None, Callable[[Row], bool]]] = [
        (None, lambda row: True),
        ({"categories": ["PERSONNEL"]}, lambda row: row["category"] == "PERSONNEL"),
        ({"categories": ["TRAVEL", "OTHER"]}, lambda row: row["category"] in ("TRAVEL", "OTHER")),
        ({"partner": gid("Organization", graph["O0"])}, lambda row: row["partner"] == graph["O0"]),
        ({"partner": gid("Organization", graph["O4"]), "categories": ["TRAVEL"]},
         lambda row: row["partner"] == graph["O4"] and row["category"] == "TRAVEL"),
    ]
    # U0 works on P0; U4 only belongs to the partner O2; U7 does both.
    for viewer in ("U0", "U4", "U7"):
        client = as_viewer(graph[viewer])
        for filter, passes in cases:
            rows = [row for row in lines if passes(row)]
            assert rows
            edges = await walk(client, LINES, ["node", "budgetLines"], 2,
                               id=gid("Project", graph["P0"]), filter=filter)
            assert node_ids(edges) == ordered("BudgetLine", rows, lambda row: row["category"])
            by_id = {gid("BudgetLine", row["id"]): row for row in rows}
            for edge in edges:
                line, row = edge["node"], by_id[edge["node"]["id"]]
                assert line["category"] == row["category"]
                assert line["planned"] == {"amount": amount(row["planned"]),
                                           "cents": str(row["planned"]), "currency": "EUR"}
                assert line["spent"] == {"cents": str(row["spent"])}
                assert line["partner"] == {"id": gid("Organization", row["partner"])}
                assert line["project"] == {"id": gid("Project", graph["P0"])}
        found = (await client.data(LINE, id=gid("BudgetLine", graph["L0"])))["node"]
        assert found["planned"] == {"cents": "300000000000"}  # beyond 32 bits, exact


def expected_totals(graph: ProbeGraph, project: str, currency: str) -> tuple[list[Any], list[Any]]:
    lines = graph.of("budgetLines", project=graph[project])
    organizations = {row["id"]: row for row in graph.rows["organizations"]}

    def money(cents: int) -> dict[str, str]:
        return {"amount": amount(cents), "cents": str(cents), "currency": currency}

    partners = sorted({row["partner"] for row in lines},
                      key=lambda key: (organizations[key]["name"], key))
    by_partner = [{
        "partner": {"id": gid("Organization", key), "name": organizations[key]["name"]},
        "planned": money(sum(row["planned"] for row in lines if row["partner"] == key)),
        "spent": {"cents": str(sum(row["spent"] for row in lines if row["partner"] == key))},
    } for key in partners]
    by_category = [{
        "category": category,
        "planned": money(sum(row["planned"] for row in lines if row["category"] == category)),
        "spent": {"cents": str(sum(row["spent"] for row in lines if row["category"] == category))},
    } for category in CATEGORIES if any(row["category"] == category for row in lines)]
    return by_partner, by_category


async def test_totals_agree_with_the_budget_lines(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    for viewer, project, currency in (("U4", "P0", "EUR"), ("U0", "P0", "EUR"),
                                      ("U5", "P4", "CHF")):
        found = (await as_viewer(graph[viewer]).data(TOTALS, id=gid("Project", graph[project])))
        by_partner, by_category = expected_totals(graph, project, currency)
        assert found["node"]["budgetByPartner"] == by_partner
        assert found["node"]["budgetByCategory"] == by_category
        lines = graph.of("budgetLines", project=graph[project])
        assert found["node"]["budgetLines"]["totalCount"] == len(lines)
        planned = sum(int(row["planned"]["cents"]) for row in found["node"]["budgetByPartner"])
        assert planned == sum(row["planned"] for row in lines) == sum(
            int(row["planned"]["cents"]) for row in found["node"]["budgetByCategory"])
    assert len(by_partner) == 1  # P4: one partner
    p0_partners, _ = expected_totals(graph, "P0", "EUR")
    assert len(p0_partners) == 4


async def test_a_budget_line_read_alone_is_in_its_project_currency(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    # P4 counts in CHF: its line's amounts say so however the line is reached
    [row, *_] = graph.of("budgetLines", project=graph["P4"])
    found = await as_viewer(graph["U5"]).data(
        "query($id: ID!) { node(id: $id) { ... on BudgetLine { planned { cents currency } "
        "spent { currency } } } }", id=gid("BudgetLine", row["id"]))
    assert found["node"] == {"planned": {"cents": str(row["planned"]), "currency": "CHF"},
                             "spent": {"currency": "CHF"}}


async def test_totals_are_batched_per_level(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    query = """query($filter: ProjectFilter) { projects(filter: $filter) { edges { node {
      budgetByPartner { planned { cents } } budgetByCategory { category } } } } }"""
    body = await as_viewer(graph["U7"])(query, filter={"fundingProgramme": graph.programme})
    assert "errors" not in body
    # projects, totals per partner, totals per category; U7 sees the budgets of P0 and P1.
    assert body["extensions"]["cypher"]["roundTrips"] == 3
    with_totals = [edge for edge in body["data"]["projects"]["edges"]
                   if edge["node"]["budgetByCategory"]]
    assert len(with_totals) == 2
