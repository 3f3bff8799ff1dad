"""A collaboration network as the files analysts open: GraphML and GEXF (Gephi, networkx,
Cytoscape) and CSV node and edge lists.

Every format carries the same graph: nodes keyed by the organization's global ID with its
name (`label`), project count (`size`), `kind` and `province`; undirected edges with their
`weight` (shared projects) and `s3Areas` (the codes of the areas of those projects, joined by
`;`, as GraphML and GEXF attributes hold no lists).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from enum import Enum

import networkx as nx

from app import ids
from schema.network.collaboration import NetworkData


class ExportFormat(Enum):
    """The formats of `GET /export/network?format=`: media type and file name of each."""

    GRAPHML = "graphml"
    GEXF = "gexf"
    NODES_CSV = "nodes.csv"
    EDGES_CSV = "edges.csv"

    @property
    def media_type(self) -> str:
        return {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}.get(
            self.value, "text/csv; charset=utf-8")

    @property
    def file_name(self) -> str:
        return f"collaboration-network.{self.value}"


def network_graph(data: NetworkData) -> nx.Graph[str]:
    """The network as an undirected networkx graph with the attributes listed above."""
    graph: nx.Graph[str] = nx.Graph()
    codes = {node_id: area["code"] for node_id, area in data.areas.items()}
    for node in data.nodes:
        attributes = {"label": node["label"], "size": node["size"], "kind": node["kind"]}
        if node["province"]:
            attributes["province"] = node["province"]
        graph.add_node(ids.encode("Organization", node["id"]), **attributes)
    for edge in data.edges:
        graph.add_edge(ids.encode("Organization", edge["source"]),
                       ids.encode("Organization", edge["target"]), weight=edge["weight"],
                       s3Areas=";".join(sorted(codes[area] for area in edge["areas"])))
    return graph


def serialized(graph: nx.Graph[str], chosen: ExportFormat) -> Iterator[str]:
    """The graph in the format chosen, as chunks of text to stream."""
    if chosen is ExportFormat.GRAPHML:
        return _lines(nx.generate_graphml(graph, encoding="utf-8", prettyprint=False))
    if chosen is ExportFormat.GEXF:
        return _lines(nx.generate_gexf(graph, encoding="utf-8", prettyprint=False))
    if chosen is ExportFormat.NODES_CSV:
        return _csv(["id", "label", "size", "kind", "province"],
                    ([node, values["label"], values["size"], values["kind"],
                      values.get("province", "")] for node, values in graph.nodes(data=True)))
    return _csv(["source", "target", "weight", "s3Areas"],
                ([source, target, values["weight"], values["s3Areas"]]
                 for source, target, values in graph.edges(data=True)))


def _lines(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield line + "\n"


def _csv(header: list[object], rows: Iterable[list[object]]) -> Iterator[str]:
    """RFC 4180 CSV, a row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in itertools.chain([header], rows):
        writer.writerow([_inert(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: object) -> object:
    """A text cell a spreadsheet shows as text: names are chosen by people, and one starting
    like a formula (`=HYPERLINK(...)`) would run when an analyst opens the file."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
