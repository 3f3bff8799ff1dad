"""A probe project with a person in every role towards it, for the project mutation tests:
the coordinator's admin, a member of a partner, a person working on it, an outsider and a
platform admin; and a published proposal by the admin with expressions of interest."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher

ROLES = ("admin", "partner_member", "worker", "outsider", "platform_admin", "respondent")
ORGANIZATIONS = ("coordinator", "partner", "relevant", "rejected")


@dataclass
class Team:
    probe: str
    project: str
    proposal: str
    users: dict[str, str]
    organizations: dict[str, str]

    @property
    def project_gid(self) -> str:
        return ids.encode("Project", self.project)

    def org(self, name: str) -> str:
        return ids.encode("Organization", self.organizations[name])


@asynccontextmanager
async def team(db: Database, total_budget: int | None = 100_000,
               proposal_status: str = "PUBLISHED") -> AsyncIterator[Team]:
    """A new probe team in the database (total budget in cents), removed on exit."""
    probe = f"team-{uuid.uuid4()}"
    users = {role: str(uuid.uuid4()) for role in ROLES}
    organizations = {name: str(uuid.uuid4()) for name in ORGANIZATIONS}
    built = Team(probe, str(uuid.uuid4()), str(uuid.uuid4()), users, organizations)
    memberships = [("admin", "coordinator", "ADMIN"), ("partner_member", "partner", "MEMBER"),
                   ("respondent", "relevant", "ADMIN"), ("respondent", "rejected", "ADMIN")]
    await run_test_cypher(
        db, "create_probe_project_team", probe=probe,
        organizations=[{"id": found, "name": f"{name} {probe}"}
                       for name, found in organizations.items()],
        users=[{"id": found, "handle": f"{role}-{probe[5:13]}",
                "platformRoles": ["PLATFORM_ADMIN"] if role == "platform_admin" else []}
               for role, found in users.items()],
        memberships=[{"user": users[user], "organization": organizations[organization],
                      "role": role} for user, organization, role in memberships],
        project={"id": built.project, "totalBudget": total_budget},
        partners=[{"organization": organizations["coordinator"], "role": "COORDINATOR"},
                  {"organization": organizations["partner"], "role": "PARTNER"}],
        workers=[{"user": users["worker"], "role": "RESEARCHER"}],
        proposal={"id": built.proposal, "status": proposal_status}, proposer=users["admin"],
        interests=[{"id": str(uuid.uuid4()), "user": users["respondent"],
                    "organization": organizations[name], "status": status}
                   for name, status in [("relevant", "RELEVANT"), ("rejected", "REJECTED"),
                                        ("partner", "RELEVANT")]])
    try:
        yield built
    finally:
        await run_test_cypher(db, "delete_probe_projects", probe=probe)
        await run_test_cypher(db, "delete_probe", probe=probe)
