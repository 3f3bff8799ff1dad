"""`GET /export/network` on the network probe graph (tests/network_graph.py): each format, read
back with networkx (or the csv module), holds the graph `collaborationNetwork` answers."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

import httpx
import networkx as nx
import pytest
import pytest_asyncio

from app.db import Database
from app.settings import Settings
from tests.accounts_api import bearer_token
from tests.conftest import AsViewer
from tests.network_graph import NetworkGraph, network_graph

NETWORK = """
query($s3Area: ID, $since: Date) {
  collaborationNetwork(s3Area: $s3Area, since: $since) {
    nodes { id label size kind province }
    edges { source target weight s3Areas }
    s3Areas { id code }
  }
}"""

Shape = tuple[dict[str, tuple[str, int, str, str]], dict[frozenset[str], tuple[int, str]]]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[NetworkGraph]:
    async with network_graph(db) as built:
        yield built


@pytest_asyncio.fixture(loop_scope="session")
async def token(db: Database, settings: Settings, graph: NetworkGraph) -> str:
    return await bearer_token(db, settings, graph.node_ids["ub"])


async def expected(as_viewer: AsViewer, **variables: Any) -> Shape:
    """The graph collaborationNetwork gives, as (nodes, edges) to compare with an export."""
    body = await as_viewer(None).data(NETWORK, **variables)
    found = body["collaborationNetwork"]
    codes = {area["id"]: area["code"] for area in found["s3Areas"]}
    nodes = {node["id"]: (node["label"], node["size"], node["kind"], node["province"])
             for node in found["nodes"]}
    edges = {frozenset({edge["source"], edge["target"]}): (
        edge["weight"], ";".join(sorted(codes[area] for area in edge["s3Areas"])))
        for edge in found["edges"]}
    return nodes, edges


def from_networkx(read: nx.Graph[str]) -> Shape:
    nodes = {node: (values["label"], int(values["size"]), values["kind"], values["province"])
             for node, values in read.nodes(data=True)}
    edges = {frozenset({source, target}): (int(values["weight"]), values["s3Areas"])
             for source, target, values in read.edges(data=True)}
    return nodes, edges


async def export(client: httpx.AsyncClient, token: str | None,
                 **query: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await client.get("/export/network", params=query, headers=headers)


@pytest.mark.parametrize("variables", [{}, {"since": "2024-01-01"}])
async def test_graphml_and_gexf_read_back_as_the_network(
        client: httpx.AsyncClient, as_viewer: AsViewer, graph: NetworkGraph, token: str,
        variables: dict[str, str]) -> None:
    wanted = await expected(as_viewer, s3Area=graph.gid("y"), **variables)
    assert wanted[1]  # the slice has ties to compare
    for format_, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        response = await export(client, token, s3Area=graph.gid("y"), format=format_,
                                **variables)
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"] == (
            f'attachment; filename="collaboration-network.{format_}"')
        found = read(io.BytesIO(response.content))
        assert not found.is_directed()
        assert from_networkx(found) == wanted, format_


async def test_csv_node_and_edge_lists_hold_the_same_network(
        client: httpx.AsyncClient, as_viewer: AsViewer, graph: NetworkGraph,
        token: str) -> None:
    wanted = await expected(as_viewer, s3Area=graph.gid("y"))
    nodes_csv = await export(client, token, s3Area=graph.gid("y"), format="nodes.csv")
    edges_csv = await export(client, token, s3Area=graph.gid("y"), format="edges.csv")
    assert nodes_csv.headers["content-type"] == "text/csv; charset=utf-8"
    read: nx.Graph[str] = nx.Graph()
    for row in csv.DictReader(io.StringIO(nodes_csv.text)):
        read.add_node(row["id"], label=row["label"], size=row["size"], kind=row["kind"],
                      province=row["province"])
    for row in csv.DictReader(io.StringIO(edges_csv.text)):
        read.add_edge(row["source"], row["target"], weight=row["weight"],
                      s3Areas=row["s3Areas"])
    assert from_networkx(read) == wanted


async def test_exports_are_for_signed_in_people_with_valid_filters(
        client: httpx.AsyncClient, graph: NetworkGraph, token: str) -> None:
    anonymous = await export(client, None, s3Area=graph.gid("y"))
    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    for bad in ({"s3Area": graph.gid("a")}, {"since": "yesterday"}, {"format": "pdf"},
                {"province": "ATLANTIS"}, {"minWeight": "0"}):
        response = await export(client, token, **bad)
        assert response.status_code == 400, bad
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_name_written_like_a_formula_stays_text_in_csv() -> None:
    from schema.network.collaboration import NetworkData
    from schema.network.export import ExportFormat, network_graph, serialized

    data = NetworkData(
        nodes=[{"id": "00000000-0000-4000-8000-000000000001", "label": '=HYPERLINK("x")',
                "size": 1, "kind": "SME", "province": None},
               {"id": "00000000-0000-4000-8000-000000000002", "label": "Plain", "size": 1,
                "kind": "SME", "province": "MILANO"}],
        edges=[{"source": "00000000-0000-4000-8000-000000000001",
                "target": "00000000-0000-4000-8000-000000000002", "weight": 1, "areas": []}],
        areas={}, project_count=1, s3_area=None)
    rows = list(csv.DictReader(io.StringIO(
        "".join(serialized(network_graph(data), ExportFormat.NODES_CSV)))))
    assert [row["label"] for row in rows] == ['\'=HYPERLINK("x")', "Plain"]
