"""A small collaboration graph whose network answers are known by construction, made with fresh
ids and names for each test session (tests/cypher/create_network_graph.cypher) and removed
afterwards. Its S3 areas are its own, so a network filtered by one of them holds only the
probe's organizations.

Organizations (kind, province), projects (dates, status, areas, partners) and people:

    a UNIVERSITY MILANO, b SME MILANO, c SME BERGAMO, d SME MILANO, e SME MILANO
    p1 2020-01-01..2021-12-31 COMPLETED [x]     a (coordinator), b, c
    p2 2022-01-01..2023-12-31 COMPLETED [x, y]  a, b
    p3 2024-01-01..2025-12-31 ACTIVE    [y]     a, b, d, and e only as a candidate
    p4 2023-01-01..2024-06-30 CANCELLED [x]     a, c, d
    p5 2025-06-01..2027-12-31 PLANNED   [y]     c, d

    ua: works on p1 and p2, admin of a, active in the open community
    ub: works on p1, member of b
    uc: works on p2 and p3
    ud: works on p4 (cancelled), member of d
    uf: active in the open and the reserved communities
    ug: active in the reserved and the closed communities
    uh: active in the closed community, has asked to join the second open community
    ui: active in the second open community
    admin: a platform admin, tied to nothing
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from app import ids
from app.db import Database
from tests.conftest import run_test_cypher

AREAS = ("x", "y")
# key: kind, province
ORGANIZATIONS = {"a": ("UNIVERSITY", "MILANO"), "b": ("SME", "MILANO"),
                 "c": ("SME", "BERGAMO"), "d": ("SME", "MILANO"), "e": ("SME", "MILANO")}
# key: status, start, end, areas, partners (the first coordinates; `e` is a candidate)
PROJECTS = {
    "p1": ("COMPLETED", "2020-01-01", "2021-12-31", ("x",), ("a", "b", "c")),
    "p2": ("COMPLETED", "2022-01-01", "2023-12-31", ("x", "y"), ("a", "b")),
    "p3": ("ACTIVE", "2024-01-01", "2025-12-31", ("y",), ("a", "b", "d", "e")),
    "p4": ("CANCELLED", "2023-01-01", "2024-06-30", ("x",), ("a", "c", "d")),
    "p5": ("PLANNED", "2025-06-01", "2027-12-31", ("y",), ("c", "d")),
}
CANDIDATES = {("e", "p3")}
USERS = ("ua", "ub", "uc", "ud", "uf", "ug", "uh", "ui", "admin")
WORKS = (("ua", "p1"), ("ua", "p2"), ("ub", "p1"), ("uc", "p2"), ("uc", "p3"), ("ud", "p4"))
EMPLOYMENTS = (("ua", "a", "ADMIN"), ("ub", "b", "MEMBER"), ("ud", "d", "MEMBER"))
COMMUNITIES = {"open": "OPEN", "reserved": "RESERVED", "closed": "CLOSED", "open2": "OPEN"}
MEMBERSHIPS = (("ua", "open", "ACTIVE"), ("uf", "open", "ACTIVE"),
               ("uf", "reserved", "ACTIVE"), ("ug", "reserved", "ACTIVE"),
               ("ug", "closed", "ACTIVE"), ("uh", "closed", "ACTIVE"),
               ("uh", "open2", "REQUESTED"), ("ui", "open2", "ACTIVE"))
TYPES = {"a": "Organization", "b": "Organization", "c": "Organization", "d": "Organization",
         "e": "Organization", "x": "S3Area", "y": "S3Area",
         **{key: "Project" for key in PROJECTS}, **{key: "User" for key in USERS},
         **{key: "Community" for key in COMMUNITIES}}


@dataclass
class NetworkGraph:
    """The probe's node ids, names and GraphQL types by key (the types of this graph unless
    another probe graph gives its own)."""

    probe: str
    node_ids: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=lambda: TYPES)

    def gid(self, key: str) -> str:
        """The global ID of the node `key`."""
        return ids.encode(self.types[key], self.node_ids[key])

    def key(self, global_id: str) -> str:
        """The key of the node with this global ID."""
        node_id = ids.parse(global_id)[1]
        return next(key for key, found in self.node_ids.items() if found == node_id)

    def viewer(self, key: str | None) -> str | None:
        """The node id of the person `key` (None: anonymous)."""
        return None if key is None else self.node_ids[key]


@asynccontextmanager
async def network_graph(db: Database) -> AsyncIterator[NetworkGraph]:
    """The probe graph in the database, removed on exit."""
    probe = f"network-{uuid.uuid4()}"
    graph = NetworkGraph(probe, {key: str(uuid.uuid4()) for key in TYPES})
    graph.names = {key: f"{key} {probe}" for key in TYPES}
    node = graph.node_ids
    await run_test_cypher(
        db, "create_network_graph", probe=probe,
        areas=[{"id": node[key], "code": graph.names[key]} for key in AREAS],
        organizations=[{"id": node[key], "name": graph.names[key], "kind": kind,
                        "province": province}
                       for key, (kind, province) in ORGANIZATIONS.items()],
        users=[{"id": node[key], "handle": graph.names[key].replace(" ", "-"),
                "displayName": graph.names[key],
                "platformRoles": ["PLATFORM_ADMIN"] if key == "admin" else None}
               for key in USERS],
        projects=[{"id": node[key], "title": graph.names[key], "status": status,
                   "startDate": start, "endDate": end, "areas": [node[area] for area in areas]}
                  for key, (status, start, end, areas, _) in PROJECTS.items()],
        partners=[{"organization": node[partner], "project": node[key],
                   "role": "COORDINATOR" if position == 0 else "PARTNER",
                   "candidate": True if (partner, key) in CANDIDATES else None}
                  for key, (*_, partners) in PROJECTS.items()
                  for position, partner in enumerate(partners)],
        works=[{"user": node[user], "project": node[project]} for user, project in WORKS],
        employments=[{"user": node[user], "organization": node[organization], "role": role}
                     for user, organization, role in EMPLOYMENTS],
        communities=[{"id": node[key], "name": graph.names[key], "access": access}
                     for key, access in COMMUNITIES.items()],
        memberships=[{"user": node[user], "community": node[community], "status": status}
                     for user, community, status in MEMBERSHIPS])
    try:
        yield graph
    finally:
        await run_test_cypher(db, "delete_probe", probe=probe)
