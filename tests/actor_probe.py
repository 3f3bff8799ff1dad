"""A probe organization with people in every role, for the mutation tests of actors.

Its admin, a member, an outsider and a platform admin (outside it too) are fresh probe users
created through tests/cypher/create_probe_actors.cypher and removed after, with every
organization the test created through the API.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher

ROLES = {"admin": "ADMIN", "member": "MEMBER", "outsider": None, "platform_admin": None,
         "other": None}


@dataclass
class ActorProbe:
    """The probe's organization and people (node ids and global IDs)."""

    organization_id: str
    people: dict[str, str]
    created: list[str] = field(default_factory=list)

    @property
    def organization(self) -> str:
        return ids.encode("Organization", self.organization_id)

    def user(self, name: str) -> str:
        """The global ID of the probe person `name`."""
        return ids.encode("User", self.people[name])

    def forget_later(self, organization: str) -> str:
        """Remember an organization created through the API (by global ID), to delete it."""
        node_id = ids.decode_as(organization, "Organization")
        self.created.append(node_id)
        return node_id


@pytest_asyncio.fixture(loop_scope="session")
async def actors(db: Database) -> AsyncIterator[ActorProbe]:
    marker = uuid.uuid4().hex
    probe = ActorProbe(str(uuid.uuid4()), {name: str(uuid.uuid4()) for name in ROLES})
    people: list[dict[str, Any]] = [
        {"id": probe.people[name], "handle": f"{name}-{marker[:10]}",
         "displayName": f"Probe {name}", "role": role,
         "platformRoles": ["PLATFORM_ADMIN"] if name == "platform_admin" else []}
        for name, role in ROLES.items()]
    await run_test_cypher(db, "create_probe_actors", probe=marker,
                          organization=probe.organization_id, name=f"Probe {marker}",
                          people=people)
    yield probe
    await run_test_cypher(db, "delete_organizations", ids=probe.created)
    await run_test_cypher(db, "delete_probe", probe=marker)


async def ties(db: Database, probe: ActorProbe,
               person: str) -> tuple[list[tuple[str, Any]], int]:
    """The relationships of the probe person `person` with the probe organization, as sorted
    (type, role) pairs, and how many admins the organization has."""
    [row] = await run_test_cypher(db, "organization_ties", organization=probe.organization_id,
                                  person=probe.people[person])
    return sorted((kind, role) for kind, role in row["ties"] if kind), row["admins"]
