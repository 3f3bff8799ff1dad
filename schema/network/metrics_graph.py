"""Degree, betweenness and communities of an organization collaboration network, computed with
networkx from the consortia of the projects that make the network.

Maven Central serves the procedure modules of Neo4j Graph Data Science but not the packaging
that registers them as a plugin of Neo4j, so the metrics are computed here, in the API, on a
network bounded by `METRICS_MAX_ORGANIZATIONS` (README, "Collaboration metrics").

Every result is deterministic: the graph is built in the order of organization ids, Louvain
runs with a fixed seed, and communities are numbered by size, then by their first member id.

    >>> metrics = analyse([["a", "b", "c"], ["c", "d"]])
    >>> metrics.scores["c"].degree, metrics.scores["c"].betweenness
    (3, 0.6666666666666666)
"""

from __future__ import annotations

import itertools
from collections import Counter
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


def collaboration_graph(consortia: Iterable[Iterable[str]]) -> nx.Graph[str]:
    """The undirected graph of organizations whose edges join two partners of a same project,
    weighted by the projects they share."""
    weights: Counter[tuple[str, str]] = Counter()
    for partners in consortia:
        weights.update(itertools.combinations(sorted(set(partners)), 2))
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(sorted({organization for pair in weights for organization in pair}))
    graph.add_weighted_edges_from((a, b, weight) for (a, b), weight in sorted(weights.items()))
    return graph


def analyse(consortia: Iterable[Iterable[str]]) -> NetworkMetrics:
    """Degrees, betweenness and Louvain communities of the network the consortia make."""
    graph = collaboration_graph(consortia)
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
