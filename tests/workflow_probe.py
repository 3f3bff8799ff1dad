"""A probe for the proposal workflow: an organization, one person per role, a small taxonomy,
and the people whose interests or skills match proposals that use it; proposals are made in
any status on demand. Everything is removed after, what the API made included."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher

# role: (membership in the organization, platform roles)
ROLES: dict[str, tuple[str | None, list[str]]] = {
    "author": ("MEMBER", []),
    "orgAdmin": ("ADMIN", []),
    "orgMember": ("MEMBER", []),
    "facilitator": (None, ["FACILITATOR"]),
    "admin": (None, ["PLATFORM_ADMIN"]),
    "outsider": (None, []),
    # people whose interests and skills match proposals of the probe taxonomy
    "areaFan": (None, []),
    "narrowSkill": (None, []),
    "twoWays": (None, []),
    "unrelated": (None, []),
}


def _id() -> str:
    return str(uuid.uuid4())


@dataclass
class Workflow:
    """The probe: ids by role and of the taxonomy."""

    db: Database
    marker: str
    organization: str
    people: dict[str, str]
    area: str
    broad: str
    narrow: str
    other: str
    made: list[str] = field(default_factory=list)

    async def proposal(self, status: str, *, tagged: bool = False,
                       interest_status: str | None = None,
                       interested: str = "outsider") -> dict[str, str]:
        """A proposal of the author on behalf of the organization, in `status`; `tagged`: in
        the probe area and seeking the broad competence; with an expression of interest by
        `interested` in `interest_status` when given."""
        proposal, interest = _id(), _id()
        await run_test_cypher(
            self.db, "create_probe_workflow_proposal", probe=self.marker, id=proposal,
            status=status, author=self.people["author"], organization=self.organization,
            areas=[self.area] if tagged else [], competences=[self.broad] if tagged else [],
            interest=interest, interestStatus=interest_status,
            interested=self.people[interested])
        return {"id": proposal, "gid": ids.encode("Proposal", proposal), "interest": interest,
                "interestGid": ids.encode("ExpressionOfInterest", interest)}

    async def state(self, proposal_id: str) -> dict[str, Any]:
        """The proposal as the database holds it (tests/cypher/proposal_state.cypher)."""
        [row] = await run_test_cypher(self.db, "proposal_state", id=proposal_id)
        return row

    async def notices(self, subject_id: str) -> list[dict[str, Any]]:
        return await run_test_cypher(self.db, "notices_about", subject=subject_id)


@pytest_asyncio.fixture(loop_scope="session", name="workflow")
async def workflow_fixture(db: Database) -> AsyncIterator[Workflow]:
    marker = uuid.uuid4().hex
    people = {role: _id() for role in ROLES}
    probe = Workflow(db=db, marker=marker, organization=_id(), people=people, area=_id(),
                     broad=_id(), narrow=_id(), other=_id())
    await run_test_cypher(
        db, "create_probe_workflow", probe=marker, organization=probe.organization,
        people=[{"id": people[role], "handle": f"wf-{marker[:8]}-{role.lower()}",
                 "membership": membership, "platformRoles": roles}
                for role, (membership, roles) in ROLES.items()],
        areas=[probe.area],
        competences=[{"id": probe.broad, "broader": None},
                     {"id": probe.narrow, "broader": probe.broad},
                     {"id": probe.other, "broader": None}],
        interests=[{"user": people["areaFan"], "target": probe.area},
                   {"user": people["twoWays"], "target": probe.area},
                   {"user": people["twoWays"], "target": probe.broad},
                   {"user": people["unrelated"], "target": probe.other},
                   {"user": people["author"], "target": probe.area}],
        skills=[{"user": people["narrowSkill"], "competence": probe.narrow}])
    yield probe
    await run_test_cypher(db, "delete_probe_workflow", probe=marker)
