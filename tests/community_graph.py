"""A probe graph of communities, memberships, discussions, threaded comments, news, proposals and
follows, made with fresh ids; and what the API must answer about it, computed in Python from the
same description (ground truth that does not depend on the rest of the database).

Names and handles carry the probe marker, and the S3 areas and organizations are the probe's
own, so filters on them isolate the probe's objects from everything else in the graph.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher
from tests.connections import PAGE_INFO

BASE = datetime(2024, 3, 1, 9, tzinfo=UTC)
NAMES = ["Ada", "Bruno", "Carla", "Carla", "Dario", "Elena", "Fabio", "Gina"]
# key, name, kind, access, creation hour, focus areas, parent
COMMUNITIES = [
    ("alpha", "Alpha", "THEMATIC_S3", "OPEN", 1, [0], None),
    ("beta1", "Beta", "WORKING_GROUP", "OPEN", 3, [0, 1], "alpha"),
    ("beta2", "Beta", "INTEREST", "OPEN", 2, [1], "alpha"),
    ("delta", "Delta", "PROJECT_GROUP", "OPEN", 5, [], "alpha"),
    ("gamma", "Gamma", "THEMATIC_S3", "RESERVED", 4, [0], "alpha"),
    ("omega", "Omega", "WORKING_GROUP", "CLOSED", 6, [1], None),
    ("epsilon", "Epsilon", "INTEREST", "OPEN", 7, [0], "gamma"),
    ("zeta", "Zeta", "THEMATIC_S3", "OPEN", 5, [1], "beta1"),
    ("eta", "Eta", "INTEREST", "OPEN", 8, [], "omega"),
]
# user, community, role, status
MEMBERSHIPS = [
    (0, "alpha", "MANAGER", "ACTIVE"), (1, "alpha", "PARTICIPANT", "ACTIVE"),
    (2, "alpha", "PARTICIPANT", "ACTIVE"), (3, "alpha", "PARTICIPANT", "REQUESTED"),
    (4, "alpha", "PARTICIPANT", "INVITED"), (5, "alpha", "MANAGER", "ACTIVE"),
    (6, "alpha", "PARTICIPANT", "REJECTED"), (7, "alpha", "PARTICIPANT", "ACTIVE"),
    (1, "beta1", "MANAGER", "ACTIVE"), (2, "beta1", "PARTICIPANT", "ACTIVE"),
    (3, "beta1", "PARTICIPANT", "ACTIVE"), (0, "beta2", "MANAGER", "ACTIVE"),
    (4, "beta2", "PARTICIPANT", "REQUESTED"), (2, "delta", "MANAGER", "ACTIVE"),
    (3, "delta", "PARTICIPANT", "ACTIVE"), (5, "delta", "PARTICIPANT", "ACTIVE"),
    (0, "gamma", "MANAGER", "ACTIVE"), (1, "gamma", "PARTICIPANT", "ACTIVE"),
    (0, "omega", "PARTICIPANT", "ACTIVE"), (7, "omega", "MANAGER", "ACTIVE"),
    (7, "zeta", "PARTICIPANT", "INVITED"),
]
DISCUSSIONS_PER_COMMUNITY = {"alpha": 7, "beta1": 3, "delta": 1, "gamma": 2, "omega": 2,
                             "epsilon": 2}
TITLES = ["Roadmap", "Funding calls", "Roadmap", "Pilot sites", "Agenda"]
# title, publication hour, organization, areas, author
NEWS = [
    ("Call for pilots", 50, 0, [0], 0), ("Call for pilots", 50, 1, [0, 1], 1),
    ("Results", 52, None, [1], 2), ("Agenda", 47, 0, [], 3), ("Open day", 55, 0, [0], 4),
    ("Open day", 49, 1, [1], 5),
]
ORGANIZATION_MEMBERS = [(0, 0), (1, 0), (2, 0), (2, 1), (3, 1), (4, 1), (5, 0), (6, 1), (7, 0)]
# follower, followed, hour
USER_FOLLOWS = [(1, 0, 10), (2, 0, 12), (3, 0, 12), (4, 0, 3), (0, 1, 5), (0, 2, 6)]
ORGANIZATION_FOLLOWS = [(0, 0, 1), (3, 0, 2), (4, 0, 2), (0, 1, 4)]
COMMUNITY_FOLLOWS = [(0, "alpha", 1), (0, "gamma", 2), (0, "omega", 3), (0, "beta1", 4),
                     (1, "alpha", 6), (2, "alpha", 7), (3, "alpha", 7), (4, "alpha", 9),
                     (5, "alpha", 10), (6, "gamma", 1), (2, "epsilon", 3)]
# key, status, start date (projects are visible to anyone)
PROJECTS = [("one", "ACTIVE", "2023-01-01"), ("two", "COMPLETED", "2019-05-01"),
            ("three", "PLANNED", "2026-02-01")]
# follower, followed proposal (by status) or project, hour; ties break by id
PROPOSAL_FOLLOWS = [(0, "DRAFT", 8), (0, "PUBLISHED", 5), (1, "PUBLISHED", 8),
                    (2, "PUBLISHED", 8), (3, "PUBLISHED", 2), (3, "DRAFT", 1)]
PROJECT_FOLLOWS = [(0, "one", 9), (0, "two", 9), (1, "one", 3), (4, "one", 9), (5, "two", 1),
                   (0, "three", 4)]


def at(hours: float) -> datetime:
    """A time some hours after the probe's epoch."""
    return BASE + timedelta(hours=hours)


def _id() -> str:
    return str(uuid.uuid4())


@dataclass
class ProbeGraph:
    """The probe's objects as plain dictionaries, by kind, and the answers derived from them."""

    probe: str
    users: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    communities: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    discussions: list[dict[str, Any]] = field(default_factory=list)
    news: list[dict[str, Any]] = field(default_factory=list)
    proposals: dict[str, dict[str, Any]] = field(default_factory=dict)
    projects: dict[str, dict[str, Any]] = field(default_factory=dict)
    comments: list[dict[str, Any]] = field(default_factory=list)
    follows: list[dict[str, Any]] = field(default_factory=list)

    # --- what is visible -------------------------------------------------------------------
    def community_of(self, community_id: str) -> dict[str, Any]:
        return next(c for c in self.communities.values() if c["id"] == community_id)

    # What an anonymous visitor sees (tests/test_access.py covers the signed-in roles).
    def community_visible(self, community: dict[str, Any]) -> bool:
        return bool(community["access"] in ("OPEN", "RESERVED"))

    def content_visible(self, community: dict[str, Any]) -> bool:
        """Whether the community's discussions and member list are visible."""
        return bool(community["access"] == "OPEN")

    def discussion_visible(self, discussion: dict[str, Any]) -> bool:
        return self.content_visible(self.community_of(discussion["community"]))

    def subject_visible(self, comment: dict[str, Any]) -> bool:
        kind, subject = comment["subjectKind"], comment["subject"]
        if kind == "News":
            return True
        if kind == "Discussion":
            return self.discussion_visible(self.discussion(subject))
        return self.proposal(subject)["status"] in ("PUBLISHED", "CLOSED")

    def followed_visible(self, follow: dict[str, Any]) -> bool:
        """Whether what a follow leads to is visible (to anyone: the rules need no viewer)."""
        if follow["kind"] == "Community":
            return self.community_visible(self.community_of(follow["target"]))
        if follow["kind"] == "Proposal":
            return self.proposal(follow["target"])["status"] in ("PUBLISHED", "CLOSED")
        return True

    def discussion(self, discussion_id: str) -> dict[str, Any]:
        return next(d for d in self.discussions if d["id"] == discussion_id)

    def proposal(self, proposal_id: str) -> dict[str, Any]:
        return next(p for p in self.proposals.values() if p["id"] == proposal_id)

    def comment(self, comment_id: str) -> dict[str, Any]:
        return next(c for c in self.comments if c["id"] == comment_id)

    def visible_communities(self) -> list[dict[str, Any]]:
        return [c for c in self.communities.values() if self.community_visible(c)]

    def visible_discussions(self) -> list[dict[str, Any]]:
        return [d for d in self.discussions if self.discussion_visible(d)]

    def visible_comments(self) -> list[dict[str, Any]]:
        return [c for c in self.comments if self.subject_visible(c)]

    def hidden_communities(self) -> list[dict[str, Any]]:
        return [c for c in self.communities.values() if not self.community_visible(c)]

    # --- figures ---------------------------------------------------------------------------
    def active_members(self, community_id: str) -> list[dict[str, Any]]:
        return [m for m in self.memberships
                if m["community"] == community_id and m["status"] == "ACTIVE"]

    def comments_on(self, subject_id: str) -> list[dict[str, Any]]:
        return [c for c in self.comments if c["subject"] == subject_id]

    def replies_to(self, comment_id: str) -> list[dict[str, Any]]:
        return [c for c in self.comments if c["replyTo"] == comment_id]

    def followers_of(self, target_id: str) -> list[dict[str, Any]]:
        return [f for f in self.follows if f["target"] == target_id]

    def user(self, user_id: str) -> dict[str, Any]:
        return next(u for u in self.users if u["id"] == user_id)

    # --- writing it ------------------------------------------------------------------------
    def parameters(self) -> dict[str, Any]:
        """The parameters of tests/cypher/create_probe_communities.cypher."""
        def comments_on(kind: str) -> list[dict[str, Any]]:
            return [c for c in self.comments if c["subjectKind"] == kind]

        def follows_of(kind: str) -> list[dict[str, Any]]:
            return [f for f in self.follows if f["kind"] == kind]

        return {
            "probe": self.probe, "areas": self.areas, "users": self.users,
            "organizations": self.organizations,
            "organizationMembers": [{"user": self.users[u]["id"],
                                     "organization": self.organizations[o]["id"]}
                                    for u, o in ORGANIZATION_MEMBERS],
            "communities": list(self.communities.values()),
            "communityAreas": [{"community": c["id"], "area": area}
                               for c in self.communities.values() for area in c["areas"]],
            "parents": [{"child": c["id"], "parent": c["parent"]}
                        for c in self.communities.values() if c["parent"]],
            "memberships": self.memberships, "discussions": self.discussions, "news": self.news,
            "newsAreas": [{"news": n["id"], "area": area} for n in self.news
                          for area in n["areas"]],
            "newsOrganizations": [{"news": n["id"], "organization": n["organization"]}
                                  for n in self.news if n["organization"]],
            "proposals": list(self.proposals.values()),
            "discussionComments": comments_on("Discussion"),
            "newsComments": comments_on("News"), "proposalComments": comments_on("Proposal"),
            "replies": [{"reply": c["id"], "answered": c["replyTo"]}
                        for c in self.comments if c["replyTo"]],
            "userFollows": follows_of("User"),
            "organizationFollows": follows_of("Organization"),
            "communityFollows": follows_of("Community"),
            "projects": list(self.projects.values()),
            "proposalFollows": follows_of("Proposal"), "projectFollows": follows_of("Project"),
        }


def _thread(graph: ProbeGraph, rnd: random.Random, kind: str, subject: str, start: datetime,
            top_level: int) -> None:
    """Comments on a subject: `top_level` of them, each with up to two replies, some of which
    are answered in turn (every reply is ON the subject too)."""
    for _ in range(top_level):
        created = start + timedelta(hours=rnd.randrange(1, 30))
        parent = _comment(graph, rnd, kind, subject, created, None)
        for _ in range(rnd.randrange(0, 3)):
            created += timedelta(hours=rnd.randrange(0, 5))
            reply = _comment(graph, rnd, kind, subject, created, parent)
            if rnd.random() < 0.5:
                _comment(graph, rnd, kind, subject, created + timedelta(hours=1), reply)


def _comment(graph: ProbeGraph, rnd: random.Random, kind: str, subject: str, created: datetime,
             reply_to: str | None) -> str:
    comment = {"id": _id(), "body": f"Comment {len(graph.comments)}", "createdAt": created,
               "subjectKind": kind, "subject": subject, "replyTo": reply_to,
               "author": rnd.choice(graph.users)["id"]}
    graph.comments.append(comment)
    return str(comment["id"])


def build(seed: int = 11) -> ProbeGraph:
    """A new probe graph (fresh ids, a fixed shape)."""
    rnd = random.Random(seed)
    probe = f"probe{uuid.uuid4().hex[:12]}"
    graph = ProbeGraph(probe)
    graph.users = [{"id": _id(), "handle": f"{probe}-{index}", "displayName": f"Probe {name}",
                    "createdAt": at(-100 + index)} for index, name in enumerate(NAMES)]
    graph.organizations = [{"id": _id(), "name": f"{probe} Org {letter}"} for letter in "AB"]
    graph.areas = [{"id": _id(), "code": f"{probe}-{index}", "name": f"{probe} area {index}"}
                   for index in range(2)]
    for key, name, kind, access, hour, areas, parent in COMMUNITIES:
        graph.communities[key] = {
            "id": _id(), "key": key, "name": f"{probe} {name}", "description": key, "kind": kind,
            "access": access, "createdAt": at(hour), "areas": [graph.areas[a]["id"] for a in areas],
            "parent": graph.communities[parent]["id"] if parent else None}
    graph.memberships = [
        {"user": graph.users[user]["id"], "community": graph.communities[key]["id"], "role": role,
         "status": status, "since": date(2023, 1, 1) + timedelta(days=index)}
        for index, (user, key, role, status) in enumerate(MEMBERSHIPS)]
    for key, count in DISCUSSIONS_PER_COMMUNITY.items():
        for index in range(count):
            graph.discussions.append({
                "id": _id(), "title": TITLES[(index + len(key)) % len(TITLES)],
                "body": f"About {key} {index}", "createdAt": at(20 + rnd.randrange(0, 30)),
                "locked": index == 1, "community": graph.communities[key]["id"],
                "author": graph.users[(index * 3 + len(key)) % len(NAMES)]["id"]})
    for position, discussion in enumerate(graph.discussions):
        # The first discussion has more top-level comments than a small page holds.
        _thread(graph, rnd, "Discussion", discussion["id"], discussion["createdAt"],
                5 if position == 0 else rnd.randrange(0, 4))
    for discussion in graph.discussions:
        times = [c["createdAt"] for c in graph.comments_on(discussion["id"])]
        discussion["lastActivityAt"] = max([discussion["createdAt"], *times])
    for title, hour, organization, areas, author in NEWS:
        graph.news.append({
            "id": _id(), "title": title, "summary": f"{title} in short", "body": title,
            "publishedAt": at(hour), "author": graph.users[author]["id"],
            "organization": graph.organizations[organization]["id"]
            if organization is not None else None,
            "areas": [graph.areas[a]["id"] for a in areas]})
    for item in graph.news:
        _thread(graph, rnd, "News", item["id"], item["publishedAt"], rnd.randrange(1, 4))
    for status in ("DRAFT", "PUBLISHED"):
        proposal = {"id": _id(), "title": f"{probe} {status.lower()} proposal", "status": status,
                    "createdAt": at(30), "author": graph.users[0]["id"]}
        graph.proposals[status] = proposal
        _thread(graph, rnd, "Proposal", proposal["id"], at(31), 2)
    for key, status, start in PROJECTS:
        graph.projects[key] = {"id": _id(), "title": f"{probe} project {key}", "status": status,
                               "startDate": date.fromisoformat(start)}
    follows: list[tuple[str, int, dict[str, Any], int]] = [
        *(("User", user, graph.users[target], hour) for user, target, hour in USER_FOLLOWS),
        *(("Organization", user, graph.organizations[target], hour)
          for user, target, hour in ORGANIZATION_FOLLOWS),
        *(("Community", user, graph.communities[target], hour)
          for user, target, hour in COMMUNITY_FOLLOWS),
        *(("Proposal", user, graph.proposals[target], hour)
          for user, target, hour in PROPOSAL_FOLLOWS),
        *(("Project", user, graph.projects[target], hour)
          for user, target, hour in PROJECT_FOLLOWS)]
    graph.follows = [{"kind": kind, "user": graph.users[user]["id"], "target": target["id"],
                      "since": at(hour)} for kind, user, target, hour in follows]
    return graph


@asynccontextmanager
async def probe_graph(db: Database) -> AsyncIterator[ProbeGraph]:
    """A probe graph in the database for the time of the block, removed afterwards."""
    graph = build()
    await run_test_cypher(db, "create_probe_communities", **graph.parameters())
    try:
        yield graph
    finally:
        await run_test_cypher(db, "delete_probe", probe=graph.probe)


# --- reading connections -------------------------------------------------------------------

PAGE = f"{PAGE_INFO} edges {{ cursor node {{ id }} }}"
PAGE_ARGUMENTS = "first: $first, after: $after, last: $last, before: $before"
PAGE_VARIABLES = "$first: Int, $after: String, $last: Int, $before: String"


class PagedQuery(NamedTuple):
    """A query of one page of a connection and the path to the connection in its answer: the
    first two arguments of `tests.connections.walk`."""

    text: str
    path: list[str]


def top_level_query(field_name: str, arguments: dict[str, str]) -> PagedQuery:
    """A query of one page of a top-level connection, with `arguments` (name: GraphQL type)."""
    declared = "".join(f", ${name}: {kind}" for name, kind in arguments.items())
    passed = "".join(f", {name}: ${name}" for name in arguments)
    return PagedQuery(f"query({PAGE_VARIABLES}{declared}) "
                      f"{{ {field_name}({PAGE_ARGUMENTS}{passed}) {{ {PAGE} }} }}", [field_name])


def nested_query(type_name: str, field_name: str, arguments: dict[str, str]) -> PagedQuery:
    """A query of one page of a connection of the object `$id` of `type_name`."""
    declared = "".join(f", ${name}: {kind}" for name, kind in arguments.items())
    passed = "".join(f", {name}: ${name}" for name in arguments)
    return PagedQuery(f"query($id: ID!, {PAGE_VARIABLES}{declared}) {{ node(id: $id) {{ "
                      f"... on {type_name} {{ {field_name}({PAGE_ARGUMENTS}{passed}) "
                      f"{{ {PAGE} }} }} }} }}", ["node", field_name])


def ordered_ids(items: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], Any],
                descending: bool = False) -> list[str]:
    """The ids of `items` in the API's keyset order: by `key`, ties broken by id."""
    return [item["id"] for item in sorted(items, key=lambda item: (key(item), item["id"]),
                                          reverse=descending)]


def gid(type_name: str, item: dict[str, Any]) -> str:
    """The global ID of a probe object."""
    return ids.encode(type_name, item["id"])
