"""A probe graph of opportunities and notifications for the tests.

It is built from a fixed random seed, so every run covers the same cases, but with fresh ids;
it is created through tests/cypher/create_probe_proposals.cypher beside the seeded taxonomy
and removed after. Every probe proposal carries the probe's own keyword, which confines a
list to the probe whatever else the database holds.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.db import Database
from tests.conftest import run_test_cypher

VISIBLE = ("PUBLISHED", "CLOSED")
STATUS_CYCLE = ("PUBLISHED", "CLOSED", "DRAFT", "PUBLISHED", "TO_VALIDATE", "PUBLISHED",
                "CLOSED", "ARCHIVED", "PUBLISHED")
KINDS = ("COLLABORATION", "CHALLENGE", "TECHNOLOGY_OFFER", "TECHNOLOGY_REQUEST",
         "BUSINESS_OFFER", "BUSINESS_REQUEST", "RESEARCH_DEVELOPMENT_REQUEST")
COLLABORATION_TYPES = ("RESEARCH", "TECHNICAL_COOPERATION", "LICENSE", "JOINT_VENTURE",
                       "SUBCONTRACTING", "COMMERCIAL_AGREEMENT")
STAGES = ("IDEA", "LAB_TESTED", "DEMONSTRABLE", "ON_THE_MARKET")
IPR = ("NONE", "SECRET_KNOW_HOW", "PATENT_PENDING", "PATENT_GRANTED")
NOTIFICATION_KINDS = ("PROPOSAL_PUBLISHED", "INTEREST_RECEIVED", "INTEREST_DECIDED",
                      "COMMENT_ADDED", "NEWS_PUBLISHED", "PROJECT_UPDATED")
WORDS = ("Aerogel", "Biochar", "Cobot", "Drone", "Enzyme", "Fintech", "Graphene", "Hydrogen",
         "Implant", "Lidar")


def _id() -> str:
    return str(uuid.uuid4())


@dataclass
class Probe:
    """The probe graph: what was created, as the create statement takes it."""

    marker: str
    today: date
    taxonomy: dict[str, Any]
    organizations: list[dict[str, Any]] = field(default_factory=list)
    users: list[dict[str, Any]] = field(default_factory=list)
    keywords: list[dict[str, Any]] = field(default_factory=list)
    proposals: list[dict[str, Any]] = field(default_factory=list)
    interests: list[dict[str, Any]] = field(default_factory=list)
    notifications: list[dict[str, Any]] = field(default_factory=list)
    things: list[str] = field(default_factory=list)

    @property
    def example(self) -> dict[str, Any]:
        """The open proposal of the filter example, which two people are interested in."""
        return self.proposals[-2]

    @property
    def keyword(self) -> str:
        """The keyword every probe proposal carries."""
        return str(self.keywords[0]["id"])

    def with_status(self, status: str) -> dict[str, Any]:
        return next(p for p in self.proposals if p["status"] == status)

    def proposal_visible(self, proposal: dict[str, Any], viewer: str | None) -> bool:
        """Whether `viewer` may see `proposal`: published and closed ones, and their own (the
        probe's people are plain members of their organizations, never their admins)."""
        return proposal["status"] in VISIBLE or (viewer is not None
                                                 and viewer in proposal["proposers"])

    def interest_visible(self, interest: dict[str, Any], viewer: str | None) -> bool:
        """Whether `viewer` may see `interest`: its author, and whoever made its proposal."""
        proposal = next(p for p in self.proposals if p["id"] == interest["proposal"])
        return viewer is not None and (interest["author"] == viewer
                                       or viewer in proposal["proposers"])

    def subject_type(self, subject: str, viewer: str) -> str | None:
        """The GraphQL type a notification's subject resolves to for `viewer` (None when the
        viewer may not see it or its label has no type)."""
        for proposal in self.proposals:
            if proposal["id"] == subject:
                return "Proposal" if self.proposal_visible(proposal, viewer) else None
        for interest in self.interests:
            if interest["id"] == subject:
                return ("ExpressionOfInterest" if self.interest_visible(interest, viewer)
                        else None)
        if any(o["id"] == subject for o in self.organizations):
            return "Organization"
        if any(u["id"] == subject for u in self.users):
            return "User"
        if subject in self.things:
            return None
        return "Competence"

    def parameters(self) -> dict[str, Any]:
        return {"probe": self.marker, "organizations": self.organizations, "users": self.users,
                "keywords": self.keywords, "proposals": self.proposals,
                "interests": self.interests, "notifications": self.notifications,
                "things": self.things}


def build(taxonomy: dict[str, Any], seed: int = 7) -> Probe:
    """A probe graph over the seeded taxonomy nodes of tests/cypher/probe_taxonomy.cypher."""
    rng = random.Random(seed)
    marker = _id()
    now = datetime.now(UTC).replace(microsecond=0)
    probe = Probe(marker=marker, today=now.date(), taxonomy=taxonomy)
    probe.organizations = [{"id": _id(), "name": f"Probe organization {i} {marker}"}
                           for i in range(2)]
    first, second = (o["id"] for o in probe.organizations)
    memberships = [[first], [first], [second], [first, second], []]
    probe.users = [{"id": _id(), "handle": f"probe-{marker[:8]}-{i}",
                    "displayName": f"Probe person {i}", "organizations": organizations}
                   for i, organizations in enumerate(memberships)]
    schemes = ("TECHNOLOGY", "TECHNOLOGY", "MARKET", "MARKET", "NACE")
    labels = ("shared", "sensors", "retail", "retail", "C.26")  # a tie in the keyword order
    probe.keywords = [{"id": _id(), "scheme": scheme, "code": f"{marker}-{i}",
                       "label": f"{label} {marker}"}
                      for i, (scheme, label) in enumerate(zip(schemes, labels, strict=True))]
    competences = [taxonomy["top"], taxonomy["middle"], taxonomy["deep"], *taxonomy["others"]]
    deadlines = [None, -30, -1, 0, 1, 20, 60, 200]
    times = [now - timedelta(hours=rng.randint(1, 400)) for _ in range(25)]  # ties
    people = [u["id"] for u in probe.users]
    for i in range(45):
        een = i % 3 == 0
        offset = rng.choice(deadlines)
        proposers = [] if een else [rng.choice(people[:4])]
        if not een and rng.random() < 0.6:
            proposers.append(rng.choice([first, second]))
        probe.proposals.append({
            "id": _id(), "title": f"Probe {rng.choice(WORDS)}", "summary": f"Summary {i}",
            "kind": rng.choice(KINDS), "origin": "EEN" if een else "TERRITORY",
            "status": STATUS_CYCLE[i % len(STATUS_CYCLE)],
            "collaborationTypes": rng.sample(COLLABORATION_TYPES, rng.randint(0, 3)),
            "developmentStage": rng.choice((*STAGES, None)), "ipr": rng.choice((*IPR, None)),
            "deadline": None if offset is None else probe.today + timedelta(days=offset),
            "externalRef": f"EEN-{marker}-{i}" if een else None,
            "country": rng.choice(("DE", "FR", "ES")) if een else "IT",
            "createdAt": rng.choice(times),
            "seeks": rng.sample(competences, rng.randint(0, 2)),
            "areas": rng.sample(taxonomy["areas"], rng.randint(0, 2)),
            "keywords": [probe.keyword, *rng.sample([k["id"] for k in probe.keywords[1:]],
                                                    rng.randint(0, 2))],
            "proposers": proposers,
            "followers": rng.sample(people, rng.randint(0, 3)),
            "comments": rng.randint(0, 3),
        })
    # the example of the proposals filter: open, seeking a competence below the top one, in
    # the first area, closing within 100 days; and a closed proposal otherwise like it
    for status in ("PUBLISHED", "CLOSED"):
        probe.proposals.append({
            **probe.proposals[1], "id": _id(), "title": f"Probe example {status}",
            "status": status, "deadline": probe.today + timedelta(days=10),
            "seeks": [taxonomy["deep"]], "areas": [taxonomy["areas"][0]],
            "proposers": [people[0], first], "createdAt": times[0]})
    for i in range(16):
        probe.interests.append({
            "id": _id(), "author": people[0] if i % 2 == 0 else rng.choice(people[1:3]),
            "proposal": rng.choice(probe.proposals)["id"],
            "contribution": f"Contribution {i}", "message": f"Message {i}",
            "status": rng.choice(("SUBMITTED", "RELEVANT", "REJECTED", "WITHDRAWN")),
            "createdAt": rng.choice(times), "onBehalfOf": [first] if i % 3 == 0 else [],
        })
    # fixed cases: two people interested in the open example, one in an archived proposal
    for author, proposal in ((people[0], probe.proposals[-2]), (people[1], probe.proposals[-2]),
                             (people[0], probe.with_status("ARCHIVED"))):
        probe.interests.append({
            "id": _id(), "author": author, "proposal": proposal["id"],
            "contribution": "Fixed contribution", "message": None, "status": "SUBMITTED",
            "createdAt": times[1], "onBehalfOf": [first]})
    probe.things = [_id()]
    subjects = [p["id"] for p in probe.proposals[:9]] + [
        e["id"] for e in probe.interests[:4]] + [first, people[2], taxonomy["top"], *probe.things]
    for i in range(26):
        created = rng.choice(times)
        probe.notifications.append({
            "id": _id(), "recipient": people[0] if i < 23 else people[1],
            "kind": rng.choice(NOTIFICATION_KINDS), "createdAt": created,
            "readAt": created + timedelta(hours=1) if rng.random() < 0.4 else None,
            "subject": subjects[i % len(subjects)],
        })
    return probe


async def create(db: Database, seed: int = 7) -> Probe:
    """Build the probe graph and create it in the database."""
    [taxonomy] = await run_test_cypher(db, "probe_taxonomy")
    probe = build(taxonomy, seed)
    await run_test_cypher(db, "create_probe_proposals", **probe.parameters())
    return probe


async def delete(db: Database, probe: Probe) -> None:
    await run_test_cypher(db, "delete_probe", probe=probe.marker)
