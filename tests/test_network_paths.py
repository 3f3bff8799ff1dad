"""Connection paths and ego networks, on the network probe graph (tests/network_graph.py) whose
answers are known by construction: every shortest path and its ties, the kinds of tie they may
follow, neighbourhoods and their bound, and the communities and memberships that must stay out
of sight of those who may not see them."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from app import ids
from app.db import Database
from app.settings import Settings
from tests.conftest import AsViewer, Viewer, error_codes
from tests.network_graph import NetworkGraph, network_graph


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[NetworkGraph]:
    async with network_graph(db) as built:
        yield built


PATHS = """
query($from: ID!, $to: ID!, $maxHops: Int! = 4, $via: [RelationKind!]) {
  connectionPath(from: $from, to: $to, maxHops: $maxHops, via: $via) {
    length nodes { __typename id }
    hops { from { id } to { id } kind direction }
  }
}"""

Path = tuple[tuple[str, ...], tuple[tuple[str, str], ...]]


async def paths(as_viewer: AsViewer, graph: NetworkGraph, source: str, target: str,
                viewer: str | None = None, **arguments: Any) -> set[Path]:
    """The paths found, each as its node keys and its hops' (kind, direction)."""
    data = await as_viewer(graph.viewer(viewer)).data(
        PATHS, **{"from": graph.gid(source)}, to=graph.gid(target), **arguments)
    found = set()
    for path in data["connectionPath"]:
        keys = tuple(graph.key(node["id"]) for node in path["nodes"])
        assert path["length"] == len(path["hops"]) == len(keys) - 1
        for step, hop in enumerate(path["hops"]):
            assert (hop["from"]["id"], hop["to"]["id"]) == (
                path["nodes"][step]["id"], path["nodes"][step + 1]["id"])
        found.add((keys, tuple((hop["kind"], hop["direction"]) for hop in path["hops"])))
    return found


WORKS, PARTNER = ("WORKS_ON", "FORWARD"), ("PARTNER_IN", "BACKWARD")


async def test_every_equally_short_path_with_its_ties(as_viewer: AsViewer,
                                                      graph: NetworkGraph) -> None:
    assert await paths(as_viewer, graph, "ua", "b") == {
        (("ua", "p1", "b"), (WORKS, PARTNER)), (("ua", "p2", "b"), (WORKS, PARTNER))}
    # and the way back
    assert await paths(as_viewer, graph, "b", "ua") == {
        (("b", "p1", "ua"), (("PARTNER_IN", "FORWARD"), ("WORKS_ON", "BACKWARD"))),
        (("b", "p2", "ua"), (("PARTNER_IN", "FORWARD"), ("WORKS_ON", "BACKWARD")))}


async def test_paths_follow_only_the_kinds_of_tie_asked_for(as_viewer: AsViewer,
                                                             graph: NetworkGraph) -> None:
    through = (("MEMBER_OF_ORGANIZATION", "FORWARD"), ("PARTNER_IN", "FORWARD"), PARTNER)
    assert await paths(as_viewer, graph, "ua", "b",
                       via=["MEMBER_OF_ORGANIZATION", "PARTNER_IN"]) == {
        (("ua", "a", project, "b"), through) for project in ("p1", "p2", "p3")}
    assert await paths(as_viewer, graph, "ua", "b", via=["MEMBER_OF_COMMUNITY"]) == set()


async def test_cancelled_projects_and_candidates_tie_nobody(as_viewer: AsViewer,
                                                            graph: NetworkGraph) -> None:
    # ua-a-p4-ud would be three ties, but p4 was cancelled
    assert await paths(as_viewer, graph, "ua", "ud") == {(
        ("ua", "a", "p3", "d", "ud"),
        (("MEMBER_OF_ORGANIZATION", "FORWARD"), ("PARTNER_IN", "FORWARD"), PARTNER,
         ("MEMBER_OF_ORGANIZATION", "BACKWARD")))}
    assert await paths(as_viewer, graph, "ua", "ud", maxHops=3) == set()
    # e is only a candidate partner of p3
    assert await paths(as_viewer, graph, "e", "a", maxHops=6) == set()
    # ud works on p4 alone: working on a cancelled project is no tie either
    assert await ego(as_viewer, graph, "ud", via=["WORKS_ON"]) == ({"ud": 0}, set(), False)


async def test_an_actor_is_connected_to_itself_by_an_empty_path(as_viewer: AsViewer,
                                                                 graph: NetworkGraph) -> None:
    assert await paths(as_viewer, graph, "a", "a") == {(("a",), ())}


MEMBERSHIP = (("MEMBER_OF_COMMUNITY", "FORWARD"), ("MEMBER_OF_COMMUNITY", "BACKWARD"))


@pytest.mark.parametrize(("source", "target", "community", "entitled"), [
    # a closed community: its active members and platform admins see its members
    ("ug", "uh", "closed", {"ug", "uh", "admin"}),
    # a reserved one: visible to all, its member list to its active members
    ("uf", "ug", "reserved", {"uf", "ug", "admin"}),
])
async def test_paths_never_go_through_a_community_the_viewer_may_not_see(
        as_viewer: AsViewer, graph: NetworkGraph, source: str, target: str, community: str,
        entitled: set[str]) -> None:
    for viewer in (None, "ua", "uf", "ug", "uh", "ui", "admin"):
        expected = {((source, community, target), MEMBERSHIP)} if viewer in entitled else set()
        assert await paths(as_viewer, graph, source, target, viewer) == expected, viewer


async def test_a_membership_not_active_ties_nobody(as_viewer: AsViewer,
                                                   graph: NetworkGraph) -> None:
    for viewer in (None, "uh", "ui", "admin"):
        assert await paths(as_viewer, graph, "uh", "ui", viewer, maxHops=6) == set()


async def test_path_arguments_are_checked(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    anonymous = as_viewer(None)
    between = {"from": graph.gid("ua"), "to": graph.gid("b")}
    cases: list[dict[str, Any]] = [{"maxHops": 0}, {"maxHops": 7}, {"via": []},
                                   {"from": graph.gid("p1")}, {"to": graph.gid("open")}]
    for arguments in cases:
        body = await anonymous(PATHS, **{**between, **arguments})
        assert error_codes(body) == ["BAD_USER_INPUT"], arguments
    missing = ids.encode("User", str(uuid.uuid4()))
    assert error_codes(await anonymous(PATHS, **{**between, "to": missing})) == ["NOT_FOUND"]


async def test_paths_take_two_round_trips(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    body = await as_viewer(None)(PATHS, **{"from": graph.gid("ua")}, to=graph.gid("ud"))
    assert body["extensions"]["cypher"]["roundTrips"] == 2


EGO = """
query($of: ID!, $depth: Int! = 1, $via: [RelationKind!], $types: [EgoNodeType!]) {
  egoNetwork(of: $of, depth: $depth, via: $via, types: $types) {
    truncated nodes { id type label distance } ties { source target kind }
  }
}"""

Ties = set[tuple[str, str, str]]


async def ego(as_viewer: AsViewer, graph: NetworkGraph, of: str, viewer: str | None = None,
              **arguments: Any) -> tuple[dict[str, int], Ties, bool]:
    """The nodes (key: distance), the ties (source, target, kind) and whether truncated."""
    data = await as_viewer(graph.viewer(viewer)).data(EGO, of=graph.gid(of), **arguments)
    found = data["egoNetwork"]
    for node in found["nodes"]:
        key = graph.key(node["id"])
        assert (node["label"], node["type"]) == (
            graph.names[key], ids.parse(graph.gid(key))[0].upper())
    distances = [node["distance"] for node in found["nodes"]]
    assert distances == sorted(distances)
    nodes = {graph.key(node["id"]): node["distance"] for node in found["nodes"]}
    ties = {(graph.key(tie["source"]), graph.key(tie["target"]), tie["kind"])
            for tie in found["ties"]}
    return nodes, ties, found["truncated"]


FIRST_CIRCLE = {("ua", "p1", "WORKS_ON"), ("ua", "p2", "WORKS_ON"),
                ("ua", "a", "MEMBER_OF_ORGANIZATION"), ("ua", "open", "MEMBER_OF_COMMUNITY"),
                ("a", "p1", "PARTNER_IN"), ("a", "p2", "PARTNER_IN")}
SECOND_CIRCLE = {"ub": 2, "b": 2, "c": 2, "uc": 2, "p3": 2, "uf": 2}
# p5 (through c) and d (through p3) are first reached at the third tie
THIRD_CIRCLE = {"p5": 3, "d": 3}


async def test_the_neighbourhood_of_an_actor(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    first = {"ua": 0, "p1": 1, "p2": 1, "a": 1, "open": 1}
    assert await ego(as_viewer, graph, "ua") == (first, FIRST_CIRCLE, False)
    assert await ego(as_viewer, graph, "ua", depth=2) == (
        first | SECOND_CIRCLE,
        FIRST_CIRCLE | {("ub", "p1", "WORKS_ON"), ("b", "p1", "PARTNER_IN"),
                        ("c", "p1", "PARTNER_IN"), ("uc", "p2", "WORKS_ON"),
                        ("b", "p2", "PARTNER_IN"), ("a", "p3", "PARTNER_IN"),
                        ("uf", "open", "MEMBER_OF_COMMUNITY"), ("b", "p3", "PARTNER_IN"),
                        ("uc", "p3", "WORKS_ON"), ("ub", "b", "MEMBER_OF_ORGANIZATION")},
        False)
    assert await ego(as_viewer, graph, "ua", depth=2, via=["WORKS_ON"]) == (
        {"ua": 0, "p1": 1, "p2": 1, "ub": 2, "uc": 2},
        {("ua", "p1", "WORKS_ON"), ("ua", "p2", "WORKS_ON"), ("ub", "p1", "WORKS_ON"),
         ("uc", "p2", "WORKS_ON")}, False)


async def test_three_ties_deep_each_node_is_at_its_fewest_ties(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    # b is three ties away through ub as well, but two through p1; p4 (cancelled) and e (a
    # candidate) are never reached.
    first = {"ua": 0, "p1": 1, "p2": 1, "a": 1, "open": 1}
    nodes, ties, truncated = await ego(as_viewer, graph, "ua", depth=3)
    assert (nodes, truncated) == (first | SECOND_CIRCLE | THIRD_CIRCLE, False)
    assert {("c", "p5", "PARTNER_IN"), ("d", "p3", "PARTNER_IN"),
            ("ub", "b", "MEMBER_OF_ORGANIZATION")} <= ties
    # the reserved community is a third tie away only for a viewer who may see it
    nodes, _, _ = await ego(as_viewer, graph, "ua", "uf", depth=3)
    assert nodes == first | SECOND_CIRCLE | THIRD_CIRCLE | {"reserved": 3}


async def test_a_neighbourhood_without_its_ties_holds_the_same_nodes(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    nodes_only = """query($of: ID!) { egoNetwork(of: $of, depth: 2) {
      truncated nodes { id type label distance } } }"""
    whole = (await as_viewer(None).data(EGO, of=graph.gid("ua"), depth=2))["egoNetwork"]
    alone = (await as_viewer(None).data(nodes_only, of=graph.gid("ua")))["egoNetwork"]
    assert alone == {"truncated": whole["truncated"], "nodes": whole["nodes"]}
    assert whole["ties"]


async def test_ties_name_their_nodes_by_global_id_when_the_nodes_ids_are_not_asked(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    ties_only = """query($of: ID!) { egoNetwork(of: $of, depth: 2) {
      nodes { type label distance } ties { source target kind } } }"""
    whole = (await as_viewer(None).data(EGO, of=graph.gid("ua"), depth=2))["egoNetwork"]
    alone = (await as_viewer(None).data(ties_only, of=graph.gid("ua")))["egoNetwork"]
    assert alone["ties"] == whole["ties"]
    assert alone["nodes"] == [{key: node[key] for key in ("type", "label", "distance")}
                              for node in whole["nodes"]]


async def test_a_neighbourhood_lists_the_types_of_node_asked(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    # the walk still goes through people and projects: b and c are two ties from ua
    assert await ego(as_viewer, graph, "ua", depth=2, types=["ORGANIZATION"]) == (
        {"a": 1, "b": 2, "c": 2}, set(), False)
    nodes, ties, _ = await ego(as_viewer, graph, "ua", depth=3)
    for types in (["USER", "ORGANIZATION"], ["PROJECT", "COMMUNITY"], ["USER"]):
        listed = {key for key in nodes if ids.parse(graph.gid(key))[0].upper() in types}
        assert await ego(as_viewer, graph, "ua", depth=3, types=types) == (
            {key: nodes[key] for key in listed},
            {tie for tie in ties if {tie[0], tie[1]} <= listed}, False)


async def test_the_bound_counts_the_nodes_of_every_type(db: Database, settings: Settings,
                                                        graph: NetworkGraph) -> None:
    small = Viewer(db, settings.model_copy(update={"ego_network_max_nodes": 5}), None)
    whole = (await small.data(EGO, of=graph.gid("ua"), depth=2))["egoNetwork"]
    people = (await small.data(EGO, of=graph.gid("ua"), depth=2, types=["USER"]))["egoNetwork"]
    assert people["nodes"] == [node for node in whole["nodes"] if node["type"] == "USER"]
    assert people["truncated"]


@pytest.mark.parametrize(("depth", "bound"), [
    # the bound falls within the first circle (2), at its end (4), within the second (5, 11),
    # at its end (10), or leaves nothing out (12)
    (2, 2), (2, 4), (2, 5), (3, 2), (3, 10), (3, 11), (3, 12)])
async def test_a_large_neighbourhood_keeps_the_nearest(db: Database, settings: Settings,
                                                       graph: NetworkGraph, depth: int,
                                                       bound: int) -> None:
    small = Viewer(db, settings.model_copy(update={"ego_network_max_nodes": bound}), None)
    found = (await small.data(EGO, of=graph.gid("ua"), depth=depth))["egoNetwork"]
    within = {"p1": 1, "p2": 1, "a": 1, "open": 1} | SECOND_CIRCLE | (
        THIRD_CIRCLE if depth == 3 else {})
    nearest = sorted(within.items(), key=lambda item: (item[1], graph.node_ids[item[0]]))
    assert {graph.key(node["id"]): node["distance"] for node in found["nodes"]} == {
        "ua": 0, **dict(nearest[:bound])}
    assert found["truncated"] == (bound < len(within))
    kept = {node["id"] for node in found["nodes"]}
    assert all({tie["source"], tie["target"]} <= kept for tie in found["ties"])


@pytest.mark.parametrize(("viewer", "seen"), [
    (None, set()), ("ua", set()), ("uf", {"reserved"}), ("ug", {"reserved", "closed"}),
    ("uh", {"closed"}), ("admin", {"reserved", "closed"}),
])
async def test_neighbourhoods_hold_only_communities_the_viewer_may_see(
        as_viewer: AsViewer, graph: NetworkGraph, viewer: str | None, seen: set[str]) -> None:
    nodes, ties, _ = await ego(as_viewer, graph, "ug", viewer)
    assert nodes == {"ug": 0} | {community: 1 for community in seen}
    assert ties == {("ug", community, "MEMBER_OF_COMMUNITY") for community in seen}


async def test_a_membership_not_active_is_no_tie(as_viewer: AsViewer,
                                                 graph: NetworkGraph) -> None:
    for viewer in (None, "uh", "admin"):
        nodes, _, _ = await ego(as_viewer, graph, "uh", viewer, depth=2)
        assert "open2" not in nodes and "ui" not in nodes


async def test_ego_network_arguments_are_checked(as_viewer: AsViewer,
                                                 graph: NetworkGraph) -> None:
    anonymous = as_viewer(None)
    cases: list[dict[str, Any]] = [{"depth": 0}, {"depth": 4}, {"of": graph.gid("p1")},
                                   {"via": []}, {"types": []}]
    for arguments in cases:
        body = await anonymous(EGO, **{"of": graph.gid("ua"), **arguments})
        assert error_codes(body) == ["BAD_USER_INPUT"], arguments
    missing = ids.encode("Organization", str(uuid.uuid4()))
    assert error_codes(await anonymous(EGO, of=missing)) == ["NOT_FOUND"]
    body = await anonymous(EGO, of=graph.gid("ua"), depth=2)
    assert body["extensions"]["cypher"]["roundTrips"] == 1
