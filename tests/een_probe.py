"""A probe for following up the expressions of interest in EEN proposals: the organization to
name the EEN contact point, with two facilitators and a member who is none, another
organization with a facilitator of its own, a member who expresses interest, an outsider and
a platform admin; EEN proposals (no proposer, as imported profiles have none) on demand.

The contact point is one for the whole platform: the fixture notes which organization holds
it and puts that one back after the test, whatever the test named meanwhile. Everything else
is removed after, what the API made included (tests/cypher/delete_probe_workflow.cypher)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests.conftest import Answers, run_test_cypher
from tests.test_interest_mutations import SUBMIT

# role: (the organization the person is a member of, platform roles)
ROLES: dict[str, tuple[str | None, list[str]]] = {
    "facilitator": ("contact", ["FACILITATOR"]),
    "colleague": ("contact", ["FACILITATOR"]),
    "staff": ("contact", []),
    "elsewhere": ("other", ["FACILITATOR"]),
    "member": (None, []),
    "outsider": (None, []),
    "admin": (None, ["PLATFORM_ADMIN"]),
}


def _id() -> str:
    return str(uuid.uuid4())


async def express(viewer: Answers, proposal: dict[str, str]) -> str:
    """`viewer` expresses interest in `proposal` through the API, which must accept it as
    SUBMITTED; the id of the new expression of interest."""
    body = await viewer.data(SUBMIT, input={"proposal": proposal["gid"],
                                            "contribution": "Field trials"})
    payload = body["submitExpressionOfInterest"]
    assert payload["userErrors"] == [], payload
    assert payload["expressionOfInterest"]["status"] == "SUBMITTED"
    return ids.decode_as(payload["expressionOfInterest"]["id"], "ExpressionOfInterest")


@dataclass
class Een:
    """The probe: people by role, organizations by name ('contact', 'other')."""

    db: Database
    marker: str
    people: dict[str, str]
    organizations: dict[str, str]

    def gid(self, organization: str) -> str:
        return ids.encode("Organization", self.organizations[organization])

    async def proposal(self, interest_status: str | None = None,
                       interested: str = "member") -> dict[str, str]:
        """A published EEN proposal, with an expression of interest by `interested` in
        `interest_status` when given."""
        proposal, interest = _id(), _id()
        await run_test_cypher(self.db, "create_probe_een_proposal", probe=self.marker,
                              id=proposal, interest=interest, interestStatus=interest_status,
                              interested=self.people[interested])
        return {"id": proposal, "gid": ids.encode("Proposal", proposal), "interest": interest,
                "interestGid": ids.encode("ExpressionOfInterest", interest)}

    async def name_contact_point(self, organization: str | None) -> None:
        """Make `organization` (None: none) hold the contact point, beside the API."""
        await run_test_cypher(self.db, "put_een_contact_point",
                              organization=self.organizations.get(organization or ""))

    async def notices(self, subject_id: str) -> list[dict[str, Any]]:
        """The notifications about `subject_id`: kind, person, read; by person id."""
        return await run_test_cypher(self.db, "notices_about", subject=subject_id)


@pytest_asyncio.fixture(loop_scope="session", name="een")
async def een_fixture(db: Database) -> AsyncIterator[Een]:
    marker = uuid.uuid4().hex
    probe = Een(db=db, marker=marker, people={role: _id() for role in ROLES},
                organizations={"contact": _id(), "other": _id()})
    held = await run_test_cypher(db, "een_contact_point")
    for organization in ("contact", "other"):
        await run_test_cypher(
            db, "create_probe_workflow", probe=marker,
            organization=probe.organizations[organization],
            people=[{"id": probe.people[role], "handle": f"een-{marker[:8]}-{role}",
                     "membership": "MEMBER" if member_of else None, "platformRoles": roles}
                    for role, (member_of, roles) in ROLES.items()
                    if member_of == organization or (member_of is None
                                                     and organization == "contact")],
            areas=[], competences=[], interests=[], skills=[])
    yield probe
    await run_test_cypher(db, "put_een_contact_point",
                          organization=held[0]["id"] if held else None)
    await run_test_cypher(db, "delete_probe_workflow", probe=marker)
