"""A deterministic generator of the whole platform graph.

The same `seed` and `scale` always give the same graph, with the same ids, so loading twice
changes nothing. At `scale=1` it makes as many users, organizations, communities, discussions,
news and proposals as the real platform (see `sizes.REAL`); the demo data of `make run` is a
small scale of the same generator. Each domain has its module; they run in the order below,
each using what the ones before made.
"""

from __future__ import annotations

import random

from seeds.generate.actors import make_actors
from seeds.generate.base import World
from seeds.generate.comments import Threads
from seeds.generate.communities import make_communities
from seeds.generate.documents import make_documents
from seeds.generate.follows import make_follows
from seeds.generate.graph import Graph
from seeds.generate.news import make_news
from seeds.generate.notifications import make_notifications
from seeds.generate.projects import make_projects
from seeds.generate.proposals import make_proposals
from seeds.generate.sizes import Sizes
from seeds.taxonomy import Taxonomy

__all__ = ["Generator", "Graph", "Sizes"]


class Generator:
    """Makes a Graph from a taxonomy, a seed and a scale."""

    def __init__(self, taxonomy: Taxonomy, seed: int, scale: float) -> None:
        if scale <= 0:
            raise ValueError("scale must be positive")
        self.taxonomy = taxonomy
        self.seed = seed
        self.scale = scale
        self.sizes = Sizes.at(scale)

    def generate(self) -> Graph:
        """The whole graph: actors, communities, news, proposals, projects, documents,
        follows and notifications."""
        world = World(self.taxonomy, self.seed, self.scale, random.Random(self.seed), Graph())
        sizes = self.sizes
        actors = make_actors(world, sizes)
        threads = Threads(world, actors)
        communities = make_communities(world, sizes, actors, threads)
        news = make_news(world, sizes.news, actors, threads)
        opportunities = make_proposals(world, sizes, actors, threads)
        projects = make_projects(world, sizes.projects, actors, opportunities)
        make_documents(world, actors, communities, opportunities, projects)
        make_follows(world, actors, communities, opportunities, projects)
        make_notifications(world, actors, communities, news, opportunities, threads.posted,
                           projects)
        return world.graph
