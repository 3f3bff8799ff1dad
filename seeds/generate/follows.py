"""Who follows whom and what: people, organizations, communities, public proposals, projects.

Follows attach preferentially (popular people and organizations gather most followers) and
mostly within a person's own domain.
"""

from __future__ import annotations

from seeds.generate.actors import Actors
from seeds.generate.base import Weighted, World, skewed_count
from seeds.generate.communities import Communities
from seeds.generate.projects import Project
from seeds.generate.proposals import PUBLIC, Opportunities

TARGETS = {"user_follows": 40, "organization_follows": 20, "community_follows": 15,
           "proposal_follows": 15, "project_follows": 10}
FOLLOWS_PER_PERSON = 4.0
SAME_DOMAIN = 0.65


def make_follows(world: World, actors: Actors, communities: Communities,
                 opportunities: Opportunities, projects: list[Project]) -> None:
    """Each person's follows, without duplicates or self-follows."""
    rng, graph = world.rng, world.graph
    proposals = _by_domain([(p.domain, p.id) for p in opportunities.proposals
                            if p.status in PUBLIC])
    project_ids = _by_domain([(project.domain, project.id) for project in projects])
    kinds, weights = list(TARGETS), list(TARGETS.values())
    for index, person in enumerate(actors.people):
        followed: set[str] = set()
        for _ in range(skewed_count(rng, FOLLOWS_PER_PERSON, 200)):
            kind = rng.choices(kinds, weights=weights)[0]
            own = rng.random() < SAME_DOMAIN
            if kind == "user_follows":
                other = actors.person_in(rng, person.domain) if own else actors.any_person.draw(rng)
                target = "" if other == index else actors.people[other].id
            elif kind == "organization_follows":
                pick = (actors.organization_in(rng, person.domain) if own
                        else actors.any_organization.draw(rng))
                target = actors.organizations[pick].id
            elif kind == "community_follows":
                chosen = communities.in_domain.get(person.domain) if own else None
                target = communities.communities[(chosen or communities.any).draw(rng)].id
            else:
                pool = proposals if kind == "proposal_follows" else project_ids
                draw = (pool.get(person.domain) if own else None) or pool.get("*")
                target = draw.draw(rng) if draw else ""
            if not target or target in followed:
                continue
            followed.add(target)
            getattr(graph, kind).append(
                {"user": person.id, "target": target, "since": world.moment(person.created)})


def _by_domain(items: list[tuple[str, str]]) -> dict[str, Weighted[str]]:
    """Uniform draws of ids per domain, and over all of them under '*'."""
    grouped: dict[str, list[str]] = {}
    for domain, item in items:
        grouped.setdefault(domain, []).append(item)
        grouped.setdefault("*", []).append(item)
    return {domain: Weighted(ids, [1.0] * len(ids)) for domain, ids in grouped.items()}
