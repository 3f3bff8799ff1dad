"""A small graph whose recommendations are known by construction, made with fresh ids and names
for each test module (tests/cypher/create_recommendation_graph.cypher) and removed afterwards.
Its competences and S3 areas are its own, so no other data matches it.

Partners for the proposal `p` (by `author`, admin of `home`; seeks `am` and `vision`, tagged
`x`), scores by the weights of schema/network/recommendations.py:

    perfect  holds am (distinctive) and vision; partner of home in px1 (x, 2022)   0.8333
    second   holds am and vision; partner of perfect in py2 (y, 2023): two hops    0.675
    narrow   holds metal (narrower than am) and vision                             0.525
    partial  holds vision; partner of home in px1                                  0.4167
    mine     holds metal and rob                                                   0.225
    home, interested (interest on its behalf), led (partner in a project from p): left out

and for `p_solo`, by `outsider` (who belongs to no organization but works on py2; seeks
vision): perfect and second first, as partners in py2.

The viewer `me`: skills rob and metal, interests x and rob, member of `mine` (rob, metal),
works on pm (x) with `colleague` and `twin`, follows `followed`.

    proposals    q_perfect (rob; x) 1.0, q_narrower (am; y) 0.65, q_partial (rob, ai; x, y)
                 0.5, p 0.4417; never q_mine, q_org, q_answered, q_followed, q_draft,
                 q_expired, q_closed
    communities  c_perfect (x, OPEN, followed a member) 0.8333, c_reserved (x, followed a
                 member: hidden) 0.75, c_partial (x, y) 0.375; never c_closed, c_member,
                 c_requested
    people       twin 0.8, colleague 0.5, acquaintance (rob) 0.15; never followed, me, or
                 neighbour (who shares only the S3 area x)
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.db import Database
from tests.conftest import run_test_cypher
from tests.network_graph import NetworkGraph

COMPETENCES = ("am", "metal", "vision", "rob", "ai")
AREAS = ("x", "y")
ORGANIZATIONS = ("home", "perfect", "second", "narrow", "partial", "mine", "interested", "led",
                 "unrelated")
USERS = ("author", "outsider", "facilitator", "me", "colleague", "twin", "acquaintance",
         "neighbour", "followed", "respondent")
# key: status, start date
PROJECTS = {"px1": ("COMPLETED", date(2022, 3, 1)), "py2": ("ACTIVE", date(2023, 1, 1)),
            "from_p": ("ACTIVE", date(2025, 1, 1)), "pm": ("ACTIVE", date(2024, 1, 1))}
PASSED, OPEN = date(2020, 1, 1), date(2999, 12, 31)
# key: status, deadline
PROPOSALS = {"p": ("PUBLISHED", OPEN), "p_solo": ("PUBLISHED", OPEN),
             "q_perfect": ("PUBLISHED", OPEN), "q_narrower": ("PUBLISHED", None),
             "q_partial": ("PUBLISHED", OPEN), "q_mine": ("PUBLISHED", OPEN),
             "q_org": ("PUBLISHED", OPEN), "q_answered": ("PUBLISHED", OPEN),
             "q_followed": ("PUBLISHED", OPEN), "q_draft": ("DRAFT", OPEN),
             "q_expired": ("PUBLISHED", PASSED), "q_closed": ("CLOSED", OPEN)}
INTERESTS = ("eoi_p", "eoi_q")
COMMUNITIES = {"c_perfect": "OPEN", "c_reserved": "RESERVED", "c_partial": "OPEN",
               "c_closed": "CLOSED", "c_member": "OPEN", "c_requested": "OPEN"}

HOLDINGS = {"home": ("am", "vision"), "perfect": ("am", "vision"), "second": ("am", "vision"),
            "narrow": ("metal", "vision"), "partial": ("vision",), "mine": ("metal", "rob"),
            "interested": ("am", "vision"), "led": ("am", "vision"), "unrelated": ("ai",)}
TIES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("metal", "BROADER", "am", {}),
    # partners for p
    ("author", "MEMBER_OF", "home", {"role": "ADMIN"}),
    ("author", "PROPOSED", "p", {}), ("home", "PROPOSED", "p", {}),
    ("p", "SEEKS", "am", {}), ("p", "SEEKS", "vision", {}), ("p", "TAGGED", "x", {}),
    *((holder, "HAS_COMPETENCE", competence,
       {"distinctive": (holder, competence) == ("perfect", "am")})
      for holder, held in HOLDINGS.items() for competence in held),
    ("px1", "TAGGED", "x", {}), ("py2", "TAGGED", "y", {}), ("from_p", "TAGGED", "x", {}),
    ("pm", "TAGGED", "x", {}),
    *((partner, "PARTNER_IN", project, {"role": "PARTNER"})
      for project, partners in {"px1": ("home", "perfect", "partial"),
                                "py2": ("perfect", "second"), "from_p": ("led",)}.items()
      for partner in partners),
    ("from_p", "ORIGINATED_FROM", "p", {}),
    ("outsider", "PROPOSED", "p_solo", {}), ("p_solo", "SEEKS", "vision", {}),
    ("outsider", "WORKS_ON", "py2", {"role": "ADVISOR"}),
    ("respondent", "EXPRESSED", "eoi_p", {}), ("eoi_p", "FOR", "p", {}),
    ("eoi_p", "ON_BEHALF_OF", "interested", {}),
    # the viewer
    ("me", "HAS_SKILL", "rob", {"level": "EXPERT"}), ("me", "HAS_SKILL", "metal", {}),
    ("me", "INTERESTED_IN", "x", {}), ("me", "INTERESTED_IN", "rob", {}),
    ("me", "MEMBER_OF", "mine", {"role": "MEMBER"}),
    ("me", "FOLLOWS", "followed", {}),
    *((person, "WORKS_ON", "pm", {"role": "RESEARCHER"}) for person in ("me", "colleague", "twin")),
    # proposals for the viewer
    ("q_narrower", "SEEKS", "am", {}), ("q_narrower", "TAGGED", "y", {}),
    ("q_partial", "SEEKS", "rob", {}), ("q_partial", "SEEKS", "ai", {}),
    ("q_partial", "TAGGED", "x", {}), ("q_partial", "TAGGED", "y", {}),
    *((proposal, "SEEKS", "rob", {}) for proposal in (
        "q_perfect", "q_mine", "q_org", "q_answered", "q_followed", "q_draft", "q_expired",
        "q_closed")),
    *((proposal, "TAGGED", "x", {}) for proposal in (
        "q_perfect", "q_mine", "q_org", "q_answered", "q_followed", "q_draft", "q_expired",
        "q_closed")),
    ("author", "PROPOSED", "q_perfect", {}), ("author", "PROPOSED", "q_narrower", {}),
    ("author", "PROPOSED", "q_partial", {}), ("author", "PROPOSED", "q_draft", {}),
    ("me", "PROPOSED", "q_mine", {}), ("mine", "PROPOSED", "q_org", {}),
    ("me", "EXPRESSED", "eoi_q", {}), ("eoi_q", "FOR", "q_answered", {}),
    ("me", "FOLLOWS", "q_followed", {}),
    # communities for the viewer
    *((community, "FOCUSES_ON", "x", {}) for community in COMMUNITIES),
    ("c_partial", "FOCUSES_ON", "y", {}),
    ("followed", "MEMBER_OF", "c_perfect", {"role": "PARTICIPANT", "status": "ACTIVE"}),
    ("followed", "MEMBER_OF", "c_reserved", {"role": "PARTICIPANT", "status": "ACTIVE"}),
    ("me", "MEMBER_OF", "c_member", {"role": "PARTICIPANT", "status": "ACTIVE"}),
    ("me", "MEMBER_OF", "c_requested", {"role": "PARTICIPANT", "status": "REQUESTED"}),
    # people for the viewer
    ("twin", "HAS_SKILL", "rob", {}), ("twin", "HAS_SKILL", "metal", {}),
    ("twin", "INTERESTED_IN", "x", {}), ("twin", "INTERESTED_IN", "rob", {}),
    ("colleague", "HAS_SKILL", "rob", {}), ("colleague", "INTERESTED_IN", "x", {}),
    ("acquaintance", "INTERESTED_IN", "rob", {}), ("neighbour", "INTERESTED_IN", "x", {}),
    ("followed", "HAS_SKILL", "rob", {}), ("followed", "INTERESTED_IN", "x", {}),
]

TYPES = {**{key: "Competence" for key in COMPETENCES}, **{key: "S3Area" for key in AREAS},
         **{key: "Organization" for key in ORGANIZATIONS}, **{key: "User" for key in USERS},
         **{key: "Project" for key in PROJECTS}, **{key: "Proposal" for key in PROPOSALS},
         **{key: "ExpressionOfInterest" for key in INTERESTS},
         **{key: "Community" for key in COMMUNITIES}}


@asynccontextmanager
async def recommendation_graph(db: Database) -> AsyncIterator[NetworkGraph]:
    """The probe graph in the database, removed on exit."""
    probe = f"recommend-{uuid.uuid4()}"
    graph = NetworkGraph(probe, {key: str(uuid.uuid4()) for key in TYPES}, types=TYPES)
    graph.names = {key: f"{key} {probe[10:18]}" for key in TYPES}
    node, name = graph.node_ids, graph.names
    created = datetime(2026, 1, 1, tzinfo=UTC)
    await run_test_cypher(
        db, "create_recommendation_graph", probe=probe,
        competences=[{"id": node[key], "name": name[key]} for key in COMPETENCES],
        areas=[{"id": node[key], "name": name[key]} for key in AREAS],
        organizations=[{"id": node[key], "name": name[key]} for key in ORGANIZATIONS],
        users=[{"id": node[key], "name": name[key], "handle": name[key].replace(" ", "-"),
                "platformRoles": ["FACILITATOR"] if key == "facilitator" else None}
               for key in USERS],
        projects=[{"id": node[key], "name": name[key], "status": status, "startDate": start}
                  for key, (status, start) in PROJECTS.items()],
        proposals=[{"id": node[key], "name": name[key], "status": status, "deadline": deadline,
                    "createdAt": created + timedelta(days=number)}
                   for number, (key, (status, deadline)) in enumerate(PROPOSALS.items())],
        interests=[{"id": node[key]} for key in INTERESTS],
        communities=[{"id": node[key], "name": name[key], "access": access}
                     for key, access in COMMUNITIES.items()],
        ties=[{"from": node[start], "type": kind, "to": node[end], "properties": properties}
              for start, kind, end, properties in TIES])
    try:
        yield graph
    finally:
        await run_test_cypher(db, "delete_probe", probe=probe)
