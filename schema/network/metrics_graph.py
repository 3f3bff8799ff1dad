"""Degree, betweenness and communities of an organization collaboration network, computed with
networkx from its weighted ties (pairs of organizations and the projects they share, as
`read_network` answers them, schema/network/collaboration.py).

Maven Central serves the procedure modules of Neo4j Graph Data Science but not the packaging
that registers them as a plugin of Neo4j, so the metrics are computed here, in the API, on a
network bounded by `METRICS_MAX_ORGANIZATIONS` (README, "Collaboration metrics").

Every result is deterministic: the graph is built in the order of organization ids, Louvain
runs with a fixed seed, and communities are numbered by size, then by their first member id.

    >>> metrics = analyse([("a", "b", 1), ("a", "c", 1), ("b", "c", 1), ("c", "d", 1)])
    >>> metrics.scores["c"].degree, metrics.scores["c"].betweenness
    (3, 0.6666666666666666)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

# Louvain visits nodes in a random order; a fixed seed makes the same network always give the
# same communities.
LOUVAIN_SEED = 42


@dataclass(frozen=True)
class Score:
    """One organization's place in the network.

    `degree` counts the organizations it collaborated with, `weighted_degree` the projects it
    shared with each of them, summed; `betweenness` is the share of shortest paths between
    two other organizations that pass through it (normalized to 0..1, paths counted in hops);
    `community` is the number of its community.
    """

    organization_id: str
    degree: int
    weighted_degree: int
    betweenness: float
    community: int


@dataclass(frozen=True)
class Community:
    """A group of organizations that collaborate more among themselves than with the rest;
    `members` are ordered by weighted degree (most connected first), then by id."""

    number: int
    members: tuple[Score, ...]


@dataclass(frozen=True)
class NetworkMetrics:
    """The metrics of a whole network: a score per organization (by id), the communities
    (largest first), the collaborations (pairs of organizations) and the modularity of the
    communities (how much denser they are inside than chance would make them, -0.5..1)."""

    scores: dict[str, Score]
    communities: tuple[Community, ...]
    collaboration_count: int
    modularity: float


def collaboration_graph(ties: Iterable[tuple[str, str, int]]) -> nx.Graph[str]:
    """The undirected graph of the ties (two organization ids and the projects they share, as
    `weight`), built in the order of organization ids."""
    edges = sorted((min(a, b), max(a, b), weight) for a, b, weight in ties)
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(sorted({organization for a, b, _ in edges for organization in (a, b)}))
    graph.add_weighted_edges_from(edges)
    return graph


def analyse(ties: Iterable[tuple[str, str, int]]) -> NetworkMetrics:
    """Degrees, betweenness and Louvain communities of the network the weighted ties make."""
    graph = collaboration_graph(ties)
    betweenness = nx.betweenness_centrality(graph) if len(graph) else {}
    found = nx.community.louvain_communities(graph, weight="weight", seed=LOUVAIN_SEED)
    groups = sorted((sorted(group) for group in found), key=lambda ids: (-len(ids), ids[0]))
    number = {organization: index for index, group in enumerate(groups, start=1)
              for organization in group}
    scores = {
        organization: Score(organization, graph.degree(organization),
                            int(graph.degree(organization, weight="weight")),
                            betweenness[organization], number[organization])
        for organization in graph
    }
    communities = tuple(
        Community(index, tuple(sorted((scores[organization] for organization in group),
                                      key=lambda score: (-score.weighted_degree,
                                                         score.organization_id))))
        for index, group in enumerate(groups, start=1))
    partition = [set(group) for group in groups]
    modularity = (nx.community.modularity(graph, partition, weight="weight")
                  if graph.number_of_edges() else 0.0)
    return NetworkMetrics(scores, communities, graph.number_of_edges(), modularity)
