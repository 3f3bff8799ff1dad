"""Collaboration metrics on a network whose answers are known by construction.

Two cliques of four organizations (A1-A4 and C1-C4) are joined only through a bridge B, which
partners with A1 in one project and with C1 in another. In the window 2021-2024 every shortest
path between the cliques passes through B (16 of the 28 pairs of other organizations: 4/7),
and through A1 or C1 (15 pairs each), so B bridges most; A1 and C1 have the most partners (4),
and A2 shares the most projects (two small ones besides its clique's). Projects outside the
window (an old one between D1 and D2, a future one between A4 and C4), in another area, or
with a single partner add no collaboration there; nor, in any window, do a cancelled project
(between A3 and C3) and a candidate partner (Z, not yet confirmed in A1 and B's project).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
import pytest_asyncio

from app.db import Database
from tests.conftest import AsViewer, Viewer, error_codes, run_test_cypher
from tests.connections import gid

SINCE, UNTIL = "2021-01-01", "2024-12-31"
CLIQUE_A = ["A1", "A2", "A3", "A4"]
CLIQUE_C = ["C1", "C2", "C3", "C4"]
# name, area, start, end, partners (a "?" marks a candidate partner)
PROJECTS = [
    ("clique A", "X", "2021-03-01", "2023-02-28", CLIQUE_A),
    ("A2 and A3", "X", "2022-01-01", "2022-12-31", ["A2", "A3"]),
    ("A2 and A4", "X", "2022-01-01", "2022-12-31", ["A2", "A4"]),
    ("clique C", "X", "2021-06-01", "2024-05-31", CLIQUE_C),
    ("A1 and B", "X", "2023-01-01", "2024-12-31", ["A1", "B", "Z?"]),
    # runs into the window from before it: counts
    ("B and C1", "X", "2019-01-01", "2021-06-30", ["B", "C1"]),
    ("Z alone", "X", "2022-01-01", "2022-12-31", ["Z"]),
    ("before the window", "X", "2010-01-01", "2012-12-31", ["D1", "D2"]),
    ("after the window", "X", "2026-01-01", "2027-12-31", ["A4", "C4"]),
    ("other area", "Y", "2022-01-01", "2022-12-31", ["A4", "C4"]),
    ("cancelled", "X", "2022-01-01", "2022-12-31", ["A3", "C3"]),
]

METRICS = """
query($area: ID!, $since: Date, $until: Date, $top: Int) {
  collaborationMetrics(s3Area: $area, since: $since, until: $until, top: $top) {
    s3Area { id code } since until
    projectCount organizationCount collaborationCount communityCount modularity
    organizations { organization { id name } degree weightedDegree betweenness community }
    byDegree: mostCentral(by: DEGREE) { organization { name } degree }
    byWeightedDegree: mostCentral(by: WEIGHTED_DEGREE) { organization { name } weightedDegree }
    byBetweenness: mostCentral(by: BETWEENNESS) { organization { name } betweenness }
    communities { number size members { organization { name } community } }
  }
}"""


@dataclass
class MetricsGraph:
    probe: str
    viewer: str
    areas: dict[str, str]
    organizations: dict[str, str]

    def area(self, name: str) -> str:
        return gid("S3Area", self.areas[name])


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[MetricsGraph]:
    probe = str(uuid.uuid4())
    marker = probe[:8]
    names = [*CLIQUE_A, *CLIQUE_C, "B", "Z", "D1", "D2"]
    built = MetricsGraph(probe, str(uuid.uuid4()),
                         {area: str(uuid.uuid4()) for area in ("X", "Y")},
                         {name: str(uuid.uuid4()) for name in names})
    parameters: dict[str, Any] = {
        "probe": probe, "viewer": built.viewer, "viewerHandle": f"analyst-{marker}",
        "areas": [{"id": node_id, "code": f"METRICS-{name}-{marker}", "name": f"Area {name}"}
                  for name, node_id in built.areas.items()],
        "organizations": [{"id": node_id, "name": f"{name} {marker}"}
                          for name, node_id in built.organizations.items()],
        "projects": [{"id": str(uuid.uuid4()), "title": title, "area": built.areas[area],
                      "status": "CANCELLED" if title == "cancelled" else "ACTIVE",
                      "startDate": date.fromisoformat(start), "endDate": date.fromisoformat(end),
                      "partners": [{"id": built.organizations[name.rstrip("?")],
                                    "candidate": name.endswith("?")} for name in partners]}
                     for title, area, start, end, partners in PROJECTS],
    }
    try:
        await run_test_cypher(db, "create_metrics_graph", **parameters)
        yield built
    finally:
        await run_test_cypher(db, "delete_probe", probe=probe)


def short(name: str) -> str:
    """The name a test gave an organization, without the run's marker."""
    return name.split(" ")[0]


async def metrics(viewer: Viewer, graph: MetricsGraph, area: str = "X", since: str | None = SINCE,
                  until: str | None = UNTIL, top: int = 10) -> dict[str, Any]:
    data = await viewer.data(METRICS, area=graph.area(area), since=since, until=until, top=top)
    result: dict[str, Any] = data["collaborationMetrics"]
    return result


async def test_the_network_of_the_window_is_its_collaborations(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph)
    assert result["s3Area"]["id"] == graph.area("X")
    assert (result["since"], result["until"]) == (SINCE, UNTIL)
    # the two cliques, the two small A projects and the bridge's two; Z's has no other partner
    assert result["projectCount"] == 6
    assert result["organizationCount"] == 9
    assert result["collaborationCount"] == 6 + 6 + 2
    names = {short(item["organization"]["name"]) for item in result["organizations"]}
    assert names == {*CLIQUE_A, *CLIQUE_C, "B"}


async def test_candidate_partners_and_cancelled_projects_do_not_count(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph, since=None, until=None)
    partners = {short(item["organization"]["name"]): item["degree"]
                for item in result["organizations"]}
    assert "Z" not in partners  # a candidate in A1 and B's project, alone in its own
    assert (partners["A1"], partners["B"]) == (4, 2)
    assert (partners["A3"], partners["C3"]) == (3, 3)  # their cancelled project joins no one
    assert result["projectCount"] == 8  # neither the cancelled project nor Z's alone


async def test_degrees_count_partners_and_shared_projects(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph)
    degrees = {short(item["organization"]["name"]): (item["degree"], item["weightedDegree"])
               for item in result["organizations"]}
    assert degrees == {"A1": (4, 4), "A2": (3, 5), "A3": (3, 4), "A4": (3, 4), "B": (2, 2),
                       "C1": (4, 4), "C2": (3, 3), "C3": (3, 3), "C4": (3, 3)}
    weighted = [item["weightedDegree"] for item in result["organizations"]]
    assert weighted == sorted(weighted, reverse=True)


async def test_the_bridge_has_the_highest_betweenness(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph)
    betweenness = {short(item["organization"]["name"]): item["betweenness"]
                   for item in result["organizations"]}
    pairs = 8 * 7 / 2  # pairs of the other organizations
    assert betweenness == pytest.approx(
        {"B": 16 / pairs, "A1": 15 / pairs, "C1": 15 / pairs,
         **{name: 0.0 for name in ("A2", "A3", "A4", "C2", "C3", "C4")}})
    ranked = [short(item["organization"]["name"]) for item in result["byBetweenness"]]
    assert ranked[0] == "B"
    assert set(ranked[1:3]) == {"A1", "C1"}


async def test_the_most_central_are_ranked_by_each_measure(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph, top=3)
    by_degree = [(short(item["organization"]["name"]), item["degree"])
                 for item in result["byDegree"]]
    assert len(by_degree) == 3
    assert {by_degree[0], by_degree[1]} == {("A1", 4), ("C1", 4)}
    assert by_degree[2][1] == 3
    by_weight = [(short(item["organization"]["name"]), item["weightedDegree"])
                 for item in result["byWeightedDegree"]]
    assert by_weight[0] == ("A2", 5)
    assert [weight for _, weight in by_weight[1:]] == [4, 4]


async def test_two_communities_split_at_the_bridge(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph)
    assert result["communityCount"] == 2
    assert result["modularity"] > 0.3
    members = {community["number"]: {short(item["organization"]["name"])
                                     for item in community["members"]}
               for community in result["communities"]}
    assert sorted(members) == [1, 2]
    assert {community["size"] for community in result["communities"]} == {4, 5}
    first, second = members[1], members[2]
    assert set(CLIQUE_A) <= first or set(CLIQUE_A) <= second
    assert set(CLIQUE_C) <= first or set(CLIQUE_C) <= second
    assert not (set(CLIQUE_A) | set(CLIQUE_C)) <= first
    assert "B" in first | second
    number = {short(item["organization"]["name"]): item["community"]
              for item in result["organizations"]}
    for community, names in members.items():
        assert {number[name] for name in names} == {community}
        for item in next(c for c in result["communities"] if c["number"] == community)[
                "members"]:
            assert item["community"] == community


async def test_the_same_network_gives_the_same_answer(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    first = await metrics(as_viewer(graph.viewer), graph)
    assert await metrics(as_viewer(graph.viewer), graph) == first


async def test_community_members_are_bounded_by_top(
        as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph, top=2)
    assert len(result["communities"]) == 2
    for community in result["communities"]:
        assert len(community["members"]) == 2
    assert len(result["byBetweenness"]) == 2
    assert len(result["organizations"]) == 9


@pytest.mark.parametrize(("since", "until", "organizations", "collaborations"), [
    (SINCE, UNTIL, 9, 14),
    (SINCE, None, 9, 15),  # the future A4-C4 project joins the cliques
    (None, UNTIL, 11, 15),  # the old D1-D2 project adds a pair
    (None, None, 11, 16),
    ("2011-06-01", "2011-06-30", 2, 1),
    ("2030-01-01", None, 0, 0),
])
async def test_the_window_keeps_projects_running_in_it(
        as_viewer: AsViewer, graph: MetricsGraph, since: str | None, until: str | None,
        organizations: int, collaborations: int) -> None:
    result = await metrics(as_viewer(graph.viewer), graph, since=since, until=until)
    assert (result["organizationCount"], result["collaborationCount"]) == (
        organizations, collaborations)
    assert len(result["organizations"]) == organizations


async def test_other_areas_are_other_networks(as_viewer: AsViewer, graph: MetricsGraph) -> None:
    result = await metrics(as_viewer(graph.viewer), graph, area="Y")
    assert (result["organizationCount"], result["collaborationCount"]) == (2, 1)
    assert {short(item["organization"]["name"]) for item in result["organizations"]} == {
        "A4", "C4"}
    assert result["communityCount"] == 1


async def test_a_network_beyond_the_limit_is_refused(
        db: Database, as_viewer: AsViewer, graph: MetricsGraph) -> None:
    viewer = as_viewer(graph.viewer)
    limited = Viewer(db, viewer.settings.model_copy(update={"metrics_max_organizations": 8}),
                     graph.viewer)
    body = await limited(METRICS, area=graph.area("X"), since=SINCE, until=UNTIL)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    error = body["errors"][0]
    assert "9 organizations" in error["message"]
    assert error["extensions"]["limit"] == 8
    assert error["extensions"]["organizationCount"] == 9
    # the area's network in a narrower window fits
    narrow = await limited.data(METRICS, area=graph.area("X"), since="2011-01-01",
                                until="2011-12-31")
    assert narrow["collaborationMetrics"]["organizationCount"] == 2


@pytest.mark.parametrize(("variables", "code"), [
    ({"since": "2024-01-01", "until": "2023-01-01"}, "BAD_USER_INPUT"),
    ({"top": 0}, "BAD_USER_INPUT"),
    ({"top": 101}, "BAD_USER_INPUT"),
    ({"area": gid("Organization", str(uuid.uuid4()))}, "BAD_USER_INPUT"),
    ({"area": gid("S3Area", str(uuid.uuid4()))}, "NOT_FOUND"),
])
async def test_bad_arguments_are_refused(as_viewer: AsViewer, graph: MetricsGraph,
                                         variables: dict[str, Any], code: str) -> None:
    body = await as_viewer(graph.viewer)(METRICS, **{"area": graph.area("X"), **variables})
    assert error_codes(body) == [code]
    assert body["data"] is None


async def test_anonymous_visitors_must_sign_in(as_viewer: AsViewer, graph: MetricsGraph) -> None:
    body = await as_viewer(None)(METRICS, area=graph.area("X"))
    assert error_codes(body) == ["UNAUTHENTICATED"]
