"""Communities (thematic S3 ones and groups, some of them sub-communities), their members and
their discussions.

Community sizes are skewed: a few thematic communities gather thousands of members, most groups
a handful. About a fifth of the communities are RESERVED or CLOSED, and a minority of
memberships are requested, invited or rejected, so that access rules have something to hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from seeds.generate.actors import Actors
from seeds.generate.base import NOW, OPENING, Weighted, World, skewed_count, zipf_weights
from seeds.generate.comments import Threads
from seeds.generate.sizes import Sizes

ACCESS = ("OPEN", "RESERVED", "CLOSED")
ACCESS_WEIGHTS = {"THEMATIC_S3": (88, 8, 4), "WORKING_GROUP": (55, 30, 15),
                  "PROJECT_GROUP": (40, 25, 35), "INTEREST": (85, 10, 5)}
# How many groups of a kind are sub-communities of a thematic one.
PARENT_SHARE = {"WORKING_GROUP": 0.6, "PROJECT_GROUP": 0.5, "INTEREST": 0.3}
STATUSES = ("ACTIVE", "REQUESTED", "INVITED", "REJECTED")
STATUS_WEIGHTS = {"OPEN": (96, 0, 4, 0), "RESERVED": (72, 16, 6, 6), "CLOSED": (78, 0, 15, 7)}
MEMBERSHIPS_PER_PERSON = 2.6


@dataclass(slots=True)
class Community:
    id: str
    kind: str
    domain: str
    access: str
    created: datetime
    manager: int
    active: list[int] = field(default_factory=list)


@dataclass
class Communities:
    """The generated communities and the memberships decided or pending (for notifications)."""

    communities: list[Community]
    pull: list[float]
    # (person, community, status) of every membership that is not the manager's own
    memberships: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.any = Weighted(range(len(self.communities)), self.pull)
        grouped: dict[str, tuple[list[int], list[float]]] = {}
        for index, community in enumerate(self.communities):
            members, weights = grouped.setdefault(community.domain, ([], []))
            members.append(index)
            weights.append(self.pull[index])
        self.in_domain = {domain: Weighted(*group) for domain, group in grouped.items()}


def make_communities(world: World, sizes: Sizes, actors: Actors, threads: Threads) -> Communities:
    """Communities with their areas, parents and members, then discussions with comments."""
    communities = _communities(world, sizes, actors)
    _members(world, communities, actors)
    _discussions(world, sizes.discussions, communities, actors, threads)
    return communities


def _communities(world: World, sizes: Sizes, actors: Actors) -> Communities:
    rng, taxonomy, graph, texts = world.rng, world.taxonomy, world.graph, world.taxonomy.texts
    plan = [("THEMATIC_S3", sizes.thematic_communities), ("WORKING_GROUP", sizes.working_groups),
            ("PROJECT_GROUP", sizes.project_groups), ("INTEREST", sizes.interest_groups)]
    communities: list[Community] = []
    thematic: list[int] = []
    names: set[str] = set()
    for kind, total in plan:
        for _ in range(total):
            index = len(communities)
            domain = rng.choice(taxonomy.top_level)
            parent = None
            if kind != "THEMATIC_S3" and thematic and rng.random() < PARENT_SHARE[kind]:
                parent = communities[rng.choice(thematic)]
                domain = parent.domain
            start = parent.created if parent else OPENING
            created = world.moment(start, NOW - timedelta(days=60))
            prefixes = (texts["communityPrefixesIt"] if kind == "THEMATIC_S3"
                        else texts["groupPrefixesIt"][kind])
            slots = world.italian_slots(domain)
            name = f"{rng.choice(prefixes)} {slots['tema']}"
            if name in names:
                name = f"{name} – {slots['città']}"
            if name in names:
                name = f"{name} {index}"
            names.add(name)
            access = rng.choices(ACCESS, weights=ACCESS_WEIGHTS[kind])[0]
            manager = actors.person_in(rng, domain)
            community = Community(world.id("community", index), kind, domain, access, created,
                                  manager, [manager])
            communities.append(community)
            graph.communities.append({
                "id": community.id, "name": name, "kind": kind, "access": access,
                "createdAt": created, "description": world.text("communityDescriptionsIt", **slots),
            })
            graph.community_members.append({
                "user": actors.people[manager].id, "community": community.id, "role": "MANAGER",
                "status": "ACTIVE", "since": created.date(),
            })
            codes = taxonomy.s3_codes(domain)
            for code in rng.sample(codes, k=1 if rng.random() < 0.7 else min(2, len(codes))):
                graph.community_areas.append({"community": community.id,
                                              "area": taxonomy.s3_id(code)})
            if parent:
                graph.community_parents.append({"community": community.id, "parent": parent.id})
            if kind == "THEMATIC_S3":
                thematic.append(index)
    pull = zipf_weights(rng, len(communities), 1.1)
    for index, community in enumerate(communities):
        if community.kind == "THEMATIC_S3":
            pull[index] *= 3.0
    return Communities(communities, pull)


def _members(world: World, communities: Communities, actors: Actors) -> None:
    rng, graph = world.rng, world.graph
    for person_index, person in enumerate(actors.people):
        joined: set[int] = set()
        for _ in range(skewed_count(rng, MEMBERSHIPS_PER_PERSON, 60)):
            pick = communities.in_domain.get(person.domain) if rng.random() < 0.7 else None
            index = (pick or communities.any).draw(rng)
            community = communities.communities[index]
            if index in joined or community.manager == person_index:
                continue
            joined.add(index)
            status = rng.choices(STATUSES, weights=STATUS_WEIGHTS[community.access])[0]
            role = "MANAGER" if status == "ACTIVE" and rng.random() < 0.02 else "PARTICIPANT"
            start = max(community.created, person.created)
            graph.community_members.append({
                "user": person.id, "community": community.id, "role": role, "status": status,
                "since": world.moment(start).date(),
            })
            if status == "ACTIVE":
                community.active.append(person_index)
            communities.memberships.append((person_index, index, status))


def _discussions(world: World, total: int, communities: Communities, actors: Actors,
                 threads: Threads) -> None:
    rng, graph, people = world.rng, world.graph, actors.people
    for index in range(total):
        community = communities.communities[communities.any.draw(rng)]
        author = rng.choice(community.active)
        opened = world.moment(max(community.created, people[author].created))
        slots = world.italian_slots(community.domain)
        discussion_id = world.id("discussion", index)
        size = skewed_count(rng, 4.0, 80)
        latest = threads.add("Discussion", discussion_id, author, opened, size, community.domain,
                             community.active)
        graph.discussions.append({
            "id": discussion_id, "community": community.id, "author": people[author].id,
            "title": world.text("discussionTitlesIt", **slots),
            "body": world.sentences("discussionSentencesIt", 2, 4, **slots),
            "createdAt": opened, "locked": rng.random() < 0.04, "lastActivityAt": latest,
        })
