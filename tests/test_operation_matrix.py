"""Who may change what, through the API: for each mutation that a role rule guards, the roles
the rule allows succeed and every other role is refused, as the person who holds the role in
the probe of tests/access_probe.py. A refusal is UNAUTHENTICATED for an anonymous visitor,
NOT_FOUND for a person who may not see the object (as if it did not exist: who sees it is
ENTITLED, the matrix tests/test_access.py checks), FORBIDDEN for one who sees it.

Each row acts on an object of its own, made like the base probe's: one per row when its change
may be made again (the same edit, an idempotent decision), one per role when it may not (a
status change, a deletion), so that no run depends on another's."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio

from app.db import Database
from tests.access_probe import (
    CLOSED_MEMBERS,
    ENTITLED,
    EVERYONE,
    ORGANIZATION_MEMBERS,
    RESERVED_MEMBERS,
    ROLES,
    Access,
    ProbeGraph,
    access_probe,
)
from tests.conftest import AsViewer, error_codes

Make = Callable[[ProbeGraph, str], None]


def roles(names: str) -> frozenset[str]:
    """The roles named, separated by spaces."""
    chosen = frozenset(names.split())
    assert chosen <= EVERYONE, chosen - EVERYONE
    return chosen


@dataclass(frozen=True)
class Operation:
    """One row: the mutation, its input's fields (naming `$target`, the object it acts on, and
    `$other` when `other` gives it), how the target is made under its key, the roles allowed,
    and the roles that see the target."""

    mutation: str
    fields: str
    make: Make
    allowed: frozenset[str]
    sees: frozenset[str] = EVERYONE
    other: Callable[[Access], str] | None = None
    per_role: bool = False
    case: str = ""

    @property
    def name(self) -> str:
        return f"{self.mutation}-{self.case}" if self.case else self.mutation

    @property
    def text(self) -> str:
        declared = "$target: ID!" + (", $other: ID!" if self.other else "")
        return (f"mutation({declared}) {{ {self.mutation}(input: {{{self.fields}}}) "
                "{ userErrors { field code } } }")

    def key(self, role: str) -> str:
        return f"{self.name}/{role}" if self.per_role else self.name

    def keys(self) -> set[str]:
        return {self.key(role) for role in ROLES}

    def variables(self, probe: Access, role: str) -> dict[str, Any]:
        given = {"target": probe.gid(self.key(role))}
        return given | ({"other": self.other(probe)} if self.other else {})

    def expected(self, role: str) -> str:
        if role == "anonymous":
            return "UNAUTHENTICATED"
        if role in self.allowed:
            return "DONE"
        return "FORBIDDEN" if role in self.sees else "NOT_FOUND"


def _reserved_community(graph: ProbeGraph, key: str) -> None:
    graph.community(key, "RESERVED", RESERVED_MEMBERS)


def _closed_community(graph: ProbeGraph, key: str) -> None:
    graph.community(key, "CLOSED", CLOSED_MEMBERS)


def _reserved_discussion(graph: ProbeGraph, key: str) -> None:
    graph.discussion(key, "reserved_community", comment=f"{key}/comment")


def _closed_discussion(graph: ProbeGraph, key: str) -> None:
    graph.discussion(key, "closed_community", comment=f"{key}/comment")


def _reserved_comment(graph: ProbeGraph, key: str) -> None:
    graph.discussion(f"{key}/discussion", "reserved_community", comment=key)


def _proposal(status: str) -> Make:
    return lambda graph, key: graph.proposal(key, status)


def _project(graph: ProbeGraph, key: str) -> None:
    graph.project(key, budget_line=f"{key}/line")


def _budget_line(graph: ProbeGraph, key: str) -> None:
    graph.project(f"{key}/project", budget_line=key)


def _organization(graph: ProbeGraph, key: str) -> None:
    graph.organization(key, ORGANIZATION_MEMBERS)


MANAGERS = roles("manager admin")  # a community's managers and platform admins
MODERATORS = roles("manager facilitator admin")  # and facilitators (platform admins included)
PROPOSERS = roles("proposer organization_admin admin")
FACILITATORS = roles("facilitator admin")
PROJECT_MANAGERS = roles("organization_admin project_manager admin")

OPERATIONS = [
    # signed in: members act for themselves
    Operation("follow", "subject: $target", lambda graph, key: graph.community(key, "OPEN"),
              EVERYONE - {"anonymous"}),
    # a community's managers (and platform admins) run it
    Operation("updateCommunity", 'community: $target, description: "Run by its managers"',
              _reserved_community, MANAGERS, case="reserved"),
    Operation("updateCommunity", 'community: $target, description: "Run by its managers"',
              _closed_community, roles("admin"), ENTITLED["closed_community"], case="closed"),
    Operation("decideMembership", "community: $target, member: $other, decision: ACCEPT",
              _reserved_community, MANAGERS, other=lambda probe: probe.user("requester")),
    # its active members (and platform admins) write in a community
    Operation("createDiscussion", 'community: $target, title: "A new talk", body: "Hello"',
              _reserved_community, roles("member manager admin")),
    Operation("addComment", 'subject: $target, body: "Hello"', _reserved_discussion,
              roles("member manager admin"), ENTITLED["reserved_discussion"]),
    # authors change what they wrote
    Operation("updateDiscussion", 'discussion: $target, title: "Said again"',
              _reserved_discussion, roles("member"), ENTITLED["reserved_discussion"]),
    # a community's managers and facilitators moderate
    Operation("lockDiscussion", "discussion: $target, locked: true", _reserved_discussion,
              MODERATORS, ENTITLED["reserved_discussion"], case="reserved"),
    Operation("lockDiscussion", "discussion: $target, locked: true", _closed_discussion,
              FACILITATORS, ENTITLED["closed_discussion"], case="closed"),
    # the member wrote it: the author deletes it too
    Operation("deleteComment", "comment: $target", _reserved_comment,
              MODERATORS | {"member"}, ENTITLED["reserved_comment"]),
    Operation("deleteNews", "news: $target",
              lambda graph, key: graph.news(key, author="partner_member"),
              FACILITATORS | {"partner_member"}, per_role=True),
    # organization admins act for their organization; its members publish on its behalf
    Operation("updateOrganization", 'organization: $target, description: "Ours"',
              _organization, roles("organization_admin admin")),
    Operation("publishNews", 'title: "Our news", body: "Told by us", onBehalfOf: $target',
              _organization, roles("organization_admin partner_member")),
    # a proposal's proposer (the person, or an admin of the organization) edits and submits it
    Operation("updateProposal", 'proposal: $target, summary: "Said better"',
              _proposal("DRAFT"), PROPOSERS, ENTITLED["draft_proposal"]),
    Operation("submitProposal", "proposal: $target", _proposal("DRAFT"), PROPOSERS,
              ENTITLED["draft_proposal"], per_role=True),
    # facilitators validate
    Operation("validateProposal", "proposal: $target", _proposal("TO_VALIDATE"), FACILITATORS,
              ENTITLED["to_validate_proposal"], per_role=True),
    Operation("sendBackProposal", 'proposal: $target, reason: "Say more"',
              _proposal("TO_VALIDATE"), FACILITATORS, ENTITLED["to_validate_proposal"],
              per_role=True),
    Operation("closeProposal", "proposal: $target", _proposal("PUBLISHED"),
              PROPOSERS | FACILITATORS, per_role=True),
    # an expression of interest: its author withdraws it, the proposer decides on it
    Operation("withdrawExpressionOfInterest", "expressionOfInterest: $target",
              lambda graph, key: graph.interest(key), roles("interested admin"),
              ENTITLED["interest"], per_role=True),
    Operation("decideExpressionOfInterest", "expressionOfInterest: $target, decision: RELEVANT",
              lambda graph, key: graph.interest(key), PROPOSERS, ENTITLED["interest"],
              per_role=True),
    # a project's managers: its coordinator's admins and the people working on it as MANAGER
    Operation("updateProject", 'project: $target, summary: "Going well"', _project,
              PROJECT_MANAGERS),
    Operation("createBudgetLine",
              "project: $target, partner: $other, category: TRAVEL, planned: \"10\"",
              _project, PROJECT_MANAGERS, other=lambda probe: probe.gid("organization")),
    Operation("updateBudgetLine", 'budgetLine: $target, spent: "50"', _budget_line,
              PROJECT_MANAGERS, ENTITLED["budget_line"]),
    # only its coordinator's admins hand a project's coordination over
    Operation("addPartner", "project: $target, organization: $other, role: COORDINATOR",
              _project, roles("organization_admin admin"),
              other=lambda probe: probe.gid("other_organization"), per_role=True),
    # everyone working on a project keeps its work plan
    Operation("createMilestone", 'project: $target, title: "Halfway", dueDate: "2025-06-30"',
              _project, PROJECT_MANAGERS | {"worker"}),
]


def _targets(graph: ProbeGraph) -> None:
    for operation in OPERATIONS:
        for key in sorted(operation.keys()):
            operation.make(graph, key)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def probe(db: Database) -> AsyncIterator[Access]:
    async with access_probe(db, _targets) as made:
        yield made


def answer(body: dict[str, Any]) -> str:
    """What a mutation answered: DONE, the codes of its top-level errors, or its user errors."""
    codes = error_codes(body)
    if codes:
        return " ".join(codes)
    [payload] = body["data"].values()
    mistakes = [f"{error['field']}:{error['code']}" for error in payload["userErrors"]]
    return "DONE" if not mistakes else "userErrors " + " ".join(mistakes)


def test_the_rows_are_distinct() -> None:
    assert len({operation.name for operation in OPERATIONS}) == len(OPERATIONS)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
async def test_each_operation_allows_its_roles_and_refuses_the_others(
        as_viewer: AsViewer, probe: Access, operation: Operation) -> None:
    answered = {}
    for role in ROLES:
        body = await as_viewer(probe.viewer(role))(operation.text,
                                                   **operation.variables(probe, role))
        answered[role] = answer(body)
    assert answered == {role: operation.expected(role) for role in ROLES}
