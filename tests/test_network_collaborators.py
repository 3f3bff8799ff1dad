"""Collaborators and the collaboration network, on the network probe graph (tests/network_graph.py)
whose answers are known by construction: weights, shared projects and areas, the S3 area and
time filters, the slices of the network and its bound."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from app import ids
from app.db import Database
from app.settings import Settings
from schema.actors.types import ORGANIZATION
from schema.loading import ShownProjections
from schema.network import collaborators as collaborators_module
from tests.conftest import AsViewer, Viewer, error_codes
from tests.network_graph import NetworkGraph, network_graph


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[NetworkGraph]:
    async with network_graph(db) as built:
        yield built


COLLABORATORS = """
query($of: ID!, $s3Area: ID, $since: Date, $until: Date, $first: Int, $after: String) {
  collaborators(of: $of, s3Area: $s3Area, since: $since, until: $until, first: $first,
                after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { weight node { id } sharedProjects { id } s3Areas { id } }
  }
}"""


async def collaborators(as_viewer: AsViewer, graph: NetworkGraph, of: str,
                        **arguments: Any) -> dict[str, Any]:
    data = await as_viewer(None).data(COLLABORATORS, of=graph.gid(of), **arguments)
    result: dict[str, Any] = data["collaborators"]
    return result


def weights(connection: dict[str, Any], graph: NetworkGraph) -> list[tuple[str, int]]:
    return [(graph.key(edge["node"]["id"]), edge["weight"]) for edge in connection["edges"]]


def by_id(graph: NetworkGraph, *keys: str) -> list[str]:
    """Keys in the order of their node ids (the order of equal weights)."""
    return sorted(keys, key=lambda key: graph.node_ids[key])


async def test_organizations_partnered_in_the_same_projects(as_viewer: AsViewer,
                                                           graph: NetworkGraph) -> None:
    found = await collaborators(as_viewer, graph, "a")
    # c and d also shared the cancelled p4 with a; e is only a candidate partner in p3
    assert weights(found, graph) == [("b", 3)] + [(key, 1) for key in by_id(graph, "c", "d")]
    assert found["totalCount"] == 3
    shared = {graph.key(edge["node"]["id"]): (
        [graph.key(project["id"]) for project in edge["sharedProjects"]],
        [graph.key(area["id"]) for area in edge["s3Areas"]]) for edge in found["edges"]}
    assert shared == {"b": (["p3", "p2", "p1"], ["x", "y"]), "c": (["p1"], ["x"]),
                      "d": (["p3"], ["y"])}


@pytest.mark.parametrize(("arguments", "expected"), [
    ({"s3Area": "x"}, {"b": 2, "c": 1}),
    ({"s3Area": "y"}, {"b": 2, "d": 1}),
    ({"since": "2022-06-01"}, {"b": 2, "d": 1}),
    ({"until": "2021-06-30"}, {"b": 1, "c": 1}),
    ({"since": "2021-06-01", "until": "2022-02-01"}, {"b": 2, "c": 1}),
    ({"since": "2023-12-31", "until": "2023-12-31"}, {"b": 1}),
    ({"s3Area": "x", "since": "2024-01-01"}, {}),
])
async def test_an_area_and_a_time_window_narrow_the_projects_counted(
        as_viewer: AsViewer, graph: NetworkGraph, arguments: dict[str, str],
        expected: dict[str, int]) -> None:
    given = {name: graph.gid(value) if name == "s3Area" else value
             for name, value in arguments.items()}
    found = await collaborators(as_viewer, graph, "a", **given)
    assert dict(weights(found, graph)) == expected
    assert found["totalCount"] == len(expected)


PAGE = """
query($of: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  collaborators(of: $of, first: $first, after: $after, last: $last, before: $before) {
    %s pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { weight node { id } }
  }
}"""


@pytest.mark.parametrize("counted", [True, False])
async def test_collaborators_page_by_weight_then_id(as_viewer: AsViewer, graph: NetworkGraph,
                                                    counted: bool) -> None:
    """Paging forward one by one, then backward, meets every collaborator once in order,
    whether or not the total is asked (counting keeps every collaborator until the page is
    taken; without it the page is cut as they are found)."""
    query = PAGE % ("totalCount" if counted else "")
    expected = ["b", *by_id(graph, "c", "d")]

    async def page(**arguments: Any) -> dict[str, Any]:
        found: dict[str, Any] = (await as_viewer(None).data(
            query, of=graph.gid("a"), **arguments))["collaborators"]
        assert found.get("totalCount") == (3 if counted else None)
        return found

    seen: list[str] = []
    after = None
    for _ in range(3):
        found = await page(first=1, after=after)
        seen += [key for key, _ in weights(found, graph)]
        after = found["pageInfo"]["endCursor"]
    assert seen == expected
    assert not found["pageInfo"]["hasNextPage"]
    past_the_end = await page(first=1, after=after)
    assert past_the_end["edges"] == [] and not past_the_end["pageInfo"]["hasNextPage"]
    last_two = await page(last=2)
    assert [key for key, _ in weights(last_two, graph)] == expected[1:]
    assert last_two["pageInfo"]["hasPreviousPage"]
    first = await page(last=2, before=last_two["pageInfo"]["startCursor"])
    assert [key for key, _ in weights(first, graph)] == expected[:1]
    assert not first["pageInfo"]["hasPreviousPage"]


async def shown_as_the_nodes_show_themselves(as_viewer: AsViewer, graph: NetworkGraph,
                                             actor: str, fields: str) -> None:
    """The collaborators of `actor` with `fields` selected show the same values as the
    same nodes asked for by their ID."""
    type_name = graph.types[actor]
    shape = f"id ... on {type_name} {{ {fields} }}"
    found = await as_viewer(None).data(
        f"query($of: ID!) {{ collaborators(of: $of) {{ edges {{ node {{ {shape} }} }} }} }}",
        of=graph.gid(actor))
    nodes = [edge["node"] for edge in found["collaborators"]["edges"]]
    assert nodes
    for node in nodes:
        own = await as_viewer(None).data(f"query($id: ID!) {{ node(id: $id) {{ {shape} }} }}",
                                         id=node["id"])
        assert node == own["node"]


@pytest.mark.parametrize(("actor", "fields"), [
    ("a", "name"), ("a", "kind followerCount"),
    ("a", "name kind legalForm city province country website foundedYear followerCount"),
    ("ua", "displayName"), ("ua", "handle createdAt followerCount email"),
])
async def test_a_collaborator_shows_the_fields_asked_as_it_shows_itself(
        as_viewer: AsViewer, graph: NetworkGraph, actor: str, fields: str) -> None:
    await shown_as_the_nodes_show_themselves(as_viewer, graph, actor, fields)


async def test_fields_shown_past_the_bound_read_the_whole_node(
        as_viewer: AsViewer, graph: NetworkGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the sets of fields projected apart, a new set is answered from the whole
    projection, and a known set still from its own."""
    bounded = ShownProjections(1)
    monkeypatch.setattr(collaborators_module, "SHOWN", bounded)
    sent: list[str] = []
    choose = bounded.statement

    def recorded(*arguments: Any) -> str:
        text = choose(*arguments)
        sent.append(text)
        return text

    monkeypatch.setattr(bounded, "statement", recorded)
    texts = []
    for fields in ("name", "kind followerCount", "name"):
        before = len(sent)
        await shown_as_the_nodes_show_themselves(as_viewer, graph, "a", fields)
        texts.append(set(sent[before:]))  # the same text on both paths, compiled and not
    name_only, past_the_bound, name_again = texts
    assert len(name_only) == len(past_the_bound) == 1 and name_again == name_only
    assert ORGANIZATION.projection not in next(iter(name_only))
    assert ORGANIZATION.projection in next(iter(past_the_bound))
    assert len(bounded.known) == 1


@pytest.mark.parametrize(("person", "expected"), [
    ("ua", {"ub": 1, "uc": 1}), ("uc", {"ua": 1}), ("ub", {"ua": 1}),
    ("ud", {}),  # only on the cancelled p4
    ("uf", {}),  # communities are no projects
])
async def test_people_who_worked_on_the_same_projects(
        as_viewer: AsViewer, graph: NetworkGraph, person: str, expected: dict[str, int]) -> None:
    found = await collaborators(as_viewer, graph, person)
    assert dict(weights(found, graph)) == expected


async def test_collaborators_need_an_actor(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    anonymous = as_viewer(None)
    for of in (graph.gid("p1"), graph.gid("x")):
        assert error_codes(await anonymous(COLLABORATORS, of=of)) == ["BAD_USER_INPUT"]
    missing = ids.encode("Organization", str(uuid.uuid4()))
    assert error_codes(await anonymous(COLLABORATORS, of=missing)) == ["NOT_FOUND"]
    body = await anonymous(COLLABORATORS, of=graph.gid("a"), since="2024-01-01",
                           until="2023-01-01")
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_collaborators_take_one_round_trip_and_one_for_what_they_shared(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    light = await as_viewer(None)(
        "query($of: ID!) { collaborators(of: $of) { edges { weight node { id } } } }",
        of=graph.gid("a"))
    assert light["extensions"]["cypher"]["roundTrips"] == 1
    full = await as_viewer(None)(COLLABORATORS, of=graph.gid("a"))
    assert full["extensions"]["cypher"]["roundTrips"] == 2


NETWORK = """
query($s3Area: ID, $province: Province, $kind: OrganizationKind, $since: Date, $until: Date,
      $minWeight: Int! = 1) {
  collaborationNetwork(s3Area: $s3Area, province: $province, kind: $kind, since: $since,
                       until: $until, minWeight: $minWeight) {
    nodes { id label size kind province }
    edges { source target weight s3Areas }
    s3Areas { id code }
  }
}"""

Edges = dict[frozenset[str], tuple[int, set[str]]]


def network(found: dict[str, Any], graph: NetworkGraph) -> tuple[dict[str, int], Edges]:
    """The nodes (key: size) and edges ({key, key}: weight, area keys) of an answer."""
    nodes = {graph.key(node["id"]): node["size"] for node in found["nodes"]}
    edges = {frozenset({graph.key(edge["source"]), graph.key(edge["target"])}):
             (edge["weight"], {graph.key(area) for area in edge["s3Areas"]})
             for edge in found["edges"]}
    return nodes, edges


def tie(first: str, second: str) -> frozenset[str]:
    return frozenset({first, second})


@pytest.mark.parametrize(("area", "arguments", "nodes", "edges"), [
    ("x", {}, {"a": 2, "b": 2, "c": 1},
     {tie("a", "b"): (2, {"x", "y"}), tie("a", "c"): (1, {"x"}), tie("b", "c"): (1, {"x"})}),
    ("y", {}, {"a": 2, "b": 2, "c": 1, "d": 2},
     {tie("a", "b"): (2, {"x", "y"}), tie("a", "d"): (1, {"y"}), tie("b", "d"): (1, {"y"}),
      tie("c", "d"): (1, {"y"})}),
    ("y", {"minWeight": 2}, {"a": 2, "b": 2}, {tie("a", "b"): (2, {"x", "y"})}),
    ("y", {"since": "2024-01-01"}, {"a": 1, "b": 1, "c": 1, "d": 2},
     {tie("a", "b"): (1, {"y"}), tie("a", "d"): (1, {"y"}), tie("b", "d"): (1, {"y"}),
      tie("c", "d"): (1, {"y"})}),
    ("y", {"until": "2023-12-31"}, {"a": 1, "b": 1}, {tie("a", "b"): (1, {"x", "y"})}),
    ("y", {"kind": "SME"}, {"b": 2, "c": 1, "d": 2},
     {tie("b", "d"): (1, {"y"}), tie("c", "d"): (1, {"y"})}),
    ("y", {"province": "MILANO"}, {"a": 2, "b": 2, "d": 2},
     {tie("a", "b"): (2, {"x", "y"}), tie("a", "d"): (1, {"y"}), tie("b", "d"): (1, {"y"})}),
    ("x", {"since": "2030-01-01"}, {}, {}),
])
async def test_the_network_of_a_slice(as_viewer: AsViewer, graph: NetworkGraph, area: str,
                                      arguments: dict[str, Any], nodes: dict[str, int],
                                      edges: Edges) -> None:
    body = await as_viewer(None)(NETWORK, s3Area=graph.gid(area), **arguments)
    assert "errors" not in body, body
    found = body["data"]["collaborationNetwork"]
    assert network(found, graph) == (nodes, edges)
    named = {area for _, areas in edges.values() for area in areas}
    assert {graph.key(area["id"]) for area in found["s3Areas"]} == named
    assert [edge["weight"] for edge in found["edges"]] == sorted(
        (edge["weight"] for edge in found["edges"]), reverse=True)
    for node in found["nodes"]:
        key = graph.key(node["id"])
        assert node["label"] == graph.names[key]
        assert (node["kind"], node["province"]) == {
            "a": ("UNIVERSITY", "MILANO"), "b": ("SME", "MILANO"), "c": ("SME", "BERGAMO"),
            "d": ("SME", "MILANO")}[key]
    assert body["extensions"]["cypher"]["roundTrips"] == 1


@pytest.mark.parametrize("bound", [{"network_max_edges": 3}, {"network_max_nodes": 3}])
async def test_a_network_beyond_the_bound_is_refused(db: Database, settings: Settings,
                                                     graph: NetworkGraph,
                                                     bound: dict[str, int]) -> None:
    small = Viewer(db, settings.model_copy(update=bound), None)
    body = await small(NETWORK, s3Area=graph.gid("y"))
    assert error_codes(body) == ["BAD_USER_INPUT"]
    extensions = body["errors"][0]["extensions"]
    assert (extensions["reason"], extensions["nodes"], extensions["edges"]) == (
        "NETWORK_TOO_LARGE", 4, 4)
    # a narrower slice of the same area fits
    assert "errors" not in await small(NETWORK, s3Area=graph.gid("y"), minWeight=2)


async def test_network_arguments_are_checked(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    anonymous = as_viewer(None)
    assert error_codes(await anonymous(NETWORK, s3Area=graph.gid("y"), minWeight=0)) == [
        "BAD_USER_INPUT"]
    assert error_codes(await anonymous(NETWORK, s3Area=graph.gid("a"))) == ["BAD_USER_INPUT"]
    assert error_codes(await anonymous(NETWORK, since="2025-01-01", until="2024-01-01")) == [
        "BAD_USER_INPUT"]
