"""A probe for the community and content workflows, made with fresh ids for each test.

People with each role a rule names (a community's manager and participant, an outsider, a
facilitator, a platform admin, people asking, invited and rejected, a reader interested in an
S3 area), an OPEN, a RESERVED and a CLOSED community, discussions (one locked), news, a
published and a draft proposal. Its clean-up also removes what the API wrote for its people.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher

PEOPLE = {
    "manager": [], "participant": [], "outsider": [], "facilitator": ["FACILITATOR"],
    "admin": ["PLATFORM_ADMIN"], "requester": [], "invitee": [], "rejected": [], "reader": [],
}
COMMUNITIES = {"open": "OPEN", "reserved": "RESERVED", "closed": "CLOSED"}
# person, community, role, status
MEMBERSHIPS = [
    ("manager", "open", "MANAGER", "ACTIVE"), ("participant", "open", "PARTICIPANT", "ACTIVE"),
    ("manager", "reserved", "MANAGER", "ACTIVE"),
    ("participant", "reserved", "PARTICIPANT", "ACTIVE"),
    ("requester", "reserved", "PARTICIPANT", "REQUESTED"),
    ("rejected", "reserved", "PARTICIPANT", "REJECTED"),
    ("manager", "closed", "MANAGER", "ACTIVE"), ("participant", "closed", "PARTICIPANT", "ACTIVE"),
    ("invitee", "closed", "PARTICIPANT", "INVITED"),
]
# key, community, author, locked
DISCUSSIONS = [("talk", "open", "participant", False), ("locked", "open", "participant", True),
               ("secret", "closed", "participant", False)]


@dataclass
class Workflow:
    """The probe's ids (node ids by key) and their global IDs."""

    marker: str
    users: dict[str, str]
    communities: dict[str, str]
    discussions: dict[str, str]
    areas: list[str]
    organization: str
    news: str
    published: str
    draft: str

    def gid(self, type_name: str, node_id: str) -> str:
        return ids.encode(type_name, node_id)

    def community(self, key: str) -> str:
        return ids.encode("Community", self.communities[key])

    def discussion(self, key: str) -> str:
        return ids.encode("Discussion", self.discussions[key])

    def user(self, key: str) -> str:
        return ids.encode("User", self.users[key])

    def area(self, index: int) -> str:
        return ids.encode("S3Area", self.areas[index])


def _id() -> str:
    return str(uuid.uuid4())


async def create(db: Database) -> Workflow:
    """Create a fresh probe."""
    marker = uuid.uuid4().hex
    probe = Workflow(marker=marker, users={key: _id() for key in PEOPLE},
                     communities={key: _id() for key in COMMUNITIES},
                     discussions={row[0]: _id() for row in DISCUSSIONS},
                     areas=[_id(), _id()], organization=_id(), news=_id(), published=_id(),
                     draft=_id())
    user = probe.users
    await run_test_cypher(
        db, "create_probe_community_workflow", probe=marker, organization=probe.organization,
        users=[{"id": user[key], "handle": f"wf-{marker[:10]}-{key}", "name": key.title(),
                "roles": roles} for key, roles in PEOPLE.items()],
        areas=probe.areas,
        interests=[{"user": user["reader"], "area": probe.areas[0]},
                   {"user": user["participant"], "area": probe.areas[0]},
                   {"user": user["outsider"], "area": probe.areas[1]}],
        organizationMembers=[user["participant"]],
        communities=[{"id": probe.communities[key], "name": f"{key} {marker}", "access": access}
                     for key, access in COMMUNITIES.items()],
        memberships=[{"user": user[who], "community": probe.communities[where], "role": role,
                      "status": status} for who, where, role, status in MEMBERSHIPS],
        discussions=[{"id": probe.discussions[key], "community": probe.communities[where],
                      "author": user[who], "locked": locked}
                     for key, where, who, locked in DISCUSSIONS],
        news=[{"id": probe.news, "author": user["participant"]}],
        proposals=[{"id": probe.published, "author": user["participant"], "status": "PUBLISHED"},
                   {"id": probe.draft, "author": user["participant"], "status": "DRAFT"}])
    return probe


async def remove(db: Database, probe: Workflow) -> None:
    """Remove the probe and whatever the API wrote for its people."""
    await run_test_cypher(db, "delete_probe_writes", probe=probe.marker)
    await run_test_cypher(db, "delete_probe", probe=probe.marker)


@pytest_asyncio.fixture(loop_scope="session")
async def workflow(db: Database) -> AsyncIterator[Workflow]:
    probe = await create(db)
    yield probe
    await remove(db, probe)


async def memberships(db: Database, user: str, community: str) -> list[dict[str, Any]]:
    """Every MEMBER_OF between the person and the community, as {role, status}."""
    [row] = await run_test_cypher(db, "membership_state", user=user, community=community)
    found: list[dict[str, Any]] = row["memberships"]
    return found


async def community_state(db: Database, community: str) -> dict[str, Any]:
    """The community's stored properties and focus areas."""
    [row] = await run_test_cypher(db, "membership_state", user="", community=community)
    return {**row["community"], "areas": sorted(row["areas"])}


async def content_state(db: Database, node_id: str) -> dict[str, Any]:
    """A node's stored properties, its comment count and times, and who is notified about it."""
    rows = await run_test_cypher(db, "content_state", id=node_id)
    return rows[0] if rows else {}


NOTIFICATIONS = """
query { viewer { notifications(first: 50) { edges { node {
  kind subject { id } } } } } }"""


async def notifications_of(viewer: Any) -> list[tuple[str, str | None]]:
    """The (kind, subject ID) of the viewer's notifications, read through the API."""
    data = await viewer.data(NOTIFICATIONS)
    return [(edge["node"]["kind"], (edge["node"]["subject"] or {}).get("id"))
            for edge in data["viewer"]["notifications"]["edges"]]
