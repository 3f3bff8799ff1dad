"""The probe of the platform's roles: a person in every role the access rules name, and objects
of every private kind tied so that the rules entitle some of those people to each
(tests/cypher/create_probe_access.cypher). tests/test_access.py reads the base probe; a test
that changes objects adds objects of its own, made the same way (`access_probe(db, add)`).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher

# Every role the rules name, as the person who holds it in the probe graph; anonymous: nobody.
ROLES = ("anonymous", "outsider", "admin", "facilitator", "member", "invited", "requester",
         "manager", "other_manager", "proposer", "organization_admin", "other_admin",
         "partner_member", "interested", "worker", "project_manager")
EVERYONE = frozenset(ROLES)
# Who may see each private object of the base probe (its key), and any object made like it.
ENTITLED: dict[str, frozenset[str]] = {
    "reserved_community": EVERYONE,
    "reserved_discussion": frozenset({"member", "manager", "facilitator", "admin"}),
    "reserved_comment": frozenset({"member", "manager", "facilitator", "admin"}),
    "reserved_document": frozenset({"member", "manager", "facilitator", "admin"}),
    "closed_community": frozenset({"member", "invited", "facilitator", "admin"}),
    "closed_discussion": frozenset({"member", "facilitator", "admin"}),
    "draft_proposal": frozenset({"proposer", "organization_admin", "admin"}),
    "to_validate_proposal": frozenset({"proposer", "organization_admin", "facilitator",
                                       "admin"}),
    "interest": frozenset({"interested", "proposer", "organization_admin", "facilitator",
                           "admin"}),
    # the organization admin is also a member of the partner organization
    "budget_line": frozenset({"worker", "project_manager", "partner_member",
                              "organization_admin", "admin"}),
    "project_document": frozenset({"worker", "project_manager", "partner_member",
                                   "organization_admin", "admin"}),
}
# Ties of the probe's communities and organizations: (role, role there[, status]).
RESERVED_MEMBERS = (("manager", "MANAGER", "ACTIVE"), ("member", "PARTICIPANT", "ACTIVE"),
                    ("requester", "PARTICIPANT", "REQUESTED"))
CLOSED_MEMBERS = (("member", "PARTICIPANT", "ACTIVE"), ("invited", "PARTICIPANT", "INVITED"))
ORGANIZATION_MEMBERS = (("organization_admin", "ADMIN"), ("partner_member", "MEMBER"))
PLATFORM_ROLES = {"admin": ["PLATFORM_ADMIN"], "facilitator": ["FACILITATOR"]}


@dataclass
class Access:
    """The probe: a word every title carries, the people by role, the objects by key."""

    word: str
    marker: str
    people: dict[str, str] = field(default_factory=dict)
    objects: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)

    def viewer(self, role: str) -> str | None:
        """The id of the person who holds `role` (None: anonymous)."""
        return None if role == "anonymous" else self.people[role]

    def gid(self, key: str) -> str:
        """The global ID of the object `key`."""
        return ids.encode(self.types[key], self.objects[key])

    def user(self, role: str) -> str:
        """The global ID of the person who holds `role`."""
        return ids.encode("User", self.people[role])


class ProbeGraph:
    """The parameters of create_probe_access, object by object: each method makes one object
    (with what it holds) under a key of the probe, tied to the people of the base probe."""

    def __init__(self, probe: Access) -> None:
        self.probe = probe
        word = probe.word
        self.parameters: dict[str, list[dict[str, Any]]] = {name: [] for name in (
            "organizations", "organizationMembers", "communities", "parents", "memberships",
            "discussions", "proposals", "interests", "projects", "documents", "news")}
        self.parameters["users"] = [
            {"id": person, "handle": f"{word}-{role}", "email": f"{word}-{role}@example.org",
             "platformRoles": PLATFORM_ROLES.get(role)} for role, person in probe.people.items()]

    def _new(self, key: str, type_name: str) -> str:
        node_id = str(uuid.uuid4())
        self.probe.objects[key] = node_id
        self.probe.types[key] = type_name
        return node_id

    def _title(self, key: str) -> str:
        return f"Probe {key} {self.probe.word}"

    def organization(self, key: str, members: Iterable[tuple[str, str]]) -> None:
        """An organization with people of the probe as its members (role, ADMIN | MEMBER)."""
        node_id = self._new(key, "Organization")
        self.parameters["organizations"].append({"id": node_id, "name": self._title(key)})
        self.parameters["organizationMembers"].extend(
            {"user": self.probe.people[role], "organization": node_id, "role": tie}
            for role, tie in members)

    def community(self, key: str, access: str, members: Iterable[tuple[str, str, str]] = (),
                  parent: str | None = None) -> None:
        """A community with people of the probe as members (role, community role, status)."""
        node_id = self._new(key, "Community")
        self.parameters["communities"].append(
            {"id": node_id, "name": self._title(key), "access": access})
        self.parameters["memberships"].extend(
            {"user": self.probe.people[role], "community": node_id, "role": tie,
             "status": status} for role, tie, status in members)
        if parent is not None:
            self.parameters["parents"].append(
                {"child": node_id, "parent": self.probe.objects[parent]})

    def discussion(self, key: str, community: str, comment: str) -> None:
        """A discussion in the community `community` with one comment (key `comment`), both
        by the member."""
        self.parameters["discussions"].append(
            {"id": self._new(key, "Discussion"), "comment": self._new(comment, "Comment"),
             "community": self.probe.objects[community], "author": self.probe.people["member"],
             "title": self._title(key)})

    def proposal(self, key: str, status: str) -> None:
        """A proposal in `status` by the proposer, on behalf of the organization."""
        self.parameters["proposals"].append(
            {"id": self._new(key, "Proposal"), "status": status, "title": self._title(key),
             "proposer": self.probe.people["proposer"],
             "organization": self.probe.objects["organization"]})

    def interest(self, key: str, proposal: str = "published_proposal") -> None:
        """A submitted expression of interest of the interested person."""
        self.parameters["interests"].append(
            {"id": self._new(key, "ExpressionOfInterest"),
             "author": self.probe.people["interested"],
             "proposal": self.probe.objects[proposal]})

    def project(self, key: str, budget_line: str) -> None:
        """An active project coordinated by the organization, with the worker (RESEARCHER) and
        the project manager (MANAGER) on it and one budget line (key `budget_line`)."""
        people = self.probe.people
        self.parameters["projects"].append(
            {"id": self._new(key, "Project"), "title": self._title(key),
             "partner": self.probe.objects["organization"],
             "budgetLine": self._new(budget_line, "BudgetLine"),
             "people": [{"user": people["worker"], "role": "RESEARCHER"},
                        {"user": people["project_manager"], "role": "MANAGER"}]})

    def document(self, key: str, subject: str) -> None:
        """A document attached to the community or project `subject`."""
        self.parameters["documents"].append(
            {"id": self._new(key, "Document"), "subject": self.probe.objects[subject],
             "title": self._title(key)})

    def news(self, key: str, author: str) -> None:
        """A news item by the person who holds the role `author`."""
        self.parameters["news"].append({"id": self._new(key, "News"), "title": self._title(key),
                                        "author": self.probe.people[author]})

    def base(self) -> None:
        """The objects of every kind that test_access reads (the keys of ENTITLED, and the
        public objects around them)."""
        self.organization("organization", ORGANIZATION_MEMBERS)
        self.organization("other_organization", [("other_admin", "ADMIN")])
        self.community("open_community", "OPEN")
        # the closed and reserved communities are part of the open one
        self.community("reserved_community", "RESERVED", RESERVED_MEMBERS,
                       parent="open_community")
        self.community("closed_community", "CLOSED", CLOSED_MEMBERS, parent="open_community")
        self.community("other_community", "OPEN", [("other_manager", "MANAGER", "ACTIVE")])
        self.discussion("reserved_discussion", "reserved_community", "reserved_comment")
        self.discussion("closed_discussion", "closed_community", "closed_comment")
        for status in ("DRAFT", "TO_VALIDATE", "PUBLISHED"):
            self.proposal(f"{status.lower()}_proposal", status)
        self.interest("interest")
        self.project("project", budget_line="budget_line")
        self.document("reserved_document", "reserved_community")
        self.document("project_document", "project")


@asynccontextmanager
async def access_probe(db: Database,
                       add: Callable[[ProbeGraph], None] | None = None) -> AsyncIterator[Access]:
    """The base probe, with the objects `add` makes besides, in the database (made in one
    statement); removed on exit with whatever the API wrote for its people and projects."""
    probe = Access(word="zq" + uuid.uuid4().hex[:10], marker=str(uuid.uuid4()))
    probe.people = {role: str(uuid.uuid4()) for role in ROLES if role != "anonymous"}
    graph = ProbeGraph(probe)
    graph.base()
    if add is not None:
        add(graph)
    await run_test_cypher(db, "create_probe_access", probe=probe.marker, **graph.parameters)
    try:
        yield probe
    finally:
        for statement in ("delete_probe_writes", "delete_probe_projects", "delete_probe"):
            await run_test_cypher(db, statement, probe=probe.marker)
