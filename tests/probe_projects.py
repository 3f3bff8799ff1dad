"""A probe graph of projects with fresh ids, the ground truth the project and document tests
compare the API with. Every node carries the probe marker so that the tests remove it after."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from app.db import Database
from tests.conftest import run_test_cypher

Row = dict[str, Any]
D = date.fromisoformat


def _id() -> str:
    return str(uuid.uuid4())


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class ProbeGraph:
    """The rows the graph was made from, by kind, and names for the rows tests refer to."""

    probe: str
    programme: str
    areas: list[str]
    rows: dict[str, list[Row]] = field(default_factory=dict)
    named: dict[str, Row] = field(default_factory=dict)

    def add(self, kind: str, name: str | None = None, /, **values: Any) -> Row:
        row: Row = {"id": _id(), **values}
        self.rows.setdefault(kind, []).append(row)
        if name:
            self.named[name] = row
        return row

    def link(self, kind: str, /, **values: Any) -> None:
        self.rows.setdefault(kind, []).append(values)

    def __getitem__(self, name: str) -> str:
        """The node id of a named row."""
        return str(self.named[name]["id"])

    def of(self, kind: str, **where: Any) -> list[Row]:
        """The rows of `kind` whose values match `where`."""
        return [row for row in self.rows.get(kind, [])
                if all(row.get(key) == value for key, value in where.items())]

    def parameters(self) -> dict[str, Any]:
        kinds = ["organizations", "users", "memberships", "communities", "discussions",
                 "proposals", "projects", "partners", "workers", "follows", "activities",
                 "dependencies", "assignments", "milestones", "results", "budgetLines",
                 "documents"]
        return {"probe": self.probe, **{kind: self.rows.get(kind, []) for kind in kinds}}


def build(areas: list[str]) -> ProbeGraph:
    """The probe graph's rows; `areas` are three seeded S3 area ids."""
    probe = f"projects-{_id()}"
    graph = ProbeGraph(probe=probe, programme=f"Programme {probe}", areas=areas)
    _actors(graph)
    _subjects(graph)
    _projects(graph)
    _work_plan(graph)
    _budget_and_documents(graph)
    return graph


def _actors(graph: ProbeGraph) -> None:
    provinces = ["MILANO", "BERGAMO", "MILANO", "BRESCIA", "COMO", "PAVIA"]
    for index, province in enumerate(provinces):
        graph.add("organizations", f"O{index}", name=f"Org {'FCAEBD'[index]} {graph.probe}",
                  province=province)
    names = ["Zoe", "Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Anna"]
    for index, name in enumerate(names):
        graph.add("users", f"U{index}", handle=f"{graph.probe}-u{index}", displayName=name)
    # U4 belongs to a partner of P0 and P2 without working on them; U6 has no ties at all.
    for user, organization in [("U0", "O0"), ("U1", "O0"), ("U2", "O1"), ("U7", "O1"),
                               ("U4", "O2"), ("U7", "O3"), ("U5", "O5")]:
        graph.link("memberships", user=graph[user], organization=graph[organization])


def _subjects(graph: ProbeGraph) -> None:
    for name, access in [("C_open", "OPEN"), ("C_reserved", "RESERVED"), ("C_closed", "CLOSED")]:
        graph.add("communities", name, name=name, access=access)
    graph.add("discussions", "T_open", title="Open talk", community=graph["C_open"])
    graph.add("discussions", "T_reserved", title="Reserved talk", community=graph["C_reserved"])
    for name, status in [("Q_published", "PUBLISHED"), ("Q_closed", "CLOSED"),
                         ("Q_draft", "DRAFT"), ("Q_archived", "ARCHIVED")]:
        graph.add("proposals", name, title=name, status=status)


def _projects(graph: ProbeGraph) -> None:
    a0, a1, a2 = graph.areas
    projects = [
        ("P0", "Beta", "ACTIVE", "2021-01-01", "2023-12-31", 50_000_000_000, [a0, a1], None),
        ("P1", "Alpha", "PLANNED", "2023-06-01", "2026-05-31", 12_000_000, [a1], "Q_published"),
        ("P2", "Gamma", "COMPLETED", "2019-03-01", "2021-02-28", None, [], "Q_draft"),
        ("P3", "Alpha", "ACTIVE", "2021-01-01", "2024-06-30", 12_000_000, [a2], None),
        ("P4", "Delta", "CANCELLED", "2022-09-15", "2023-01-31", 99, [a0], None),
    ]
    for name, title, status, start, end, budget, areas, proposal in projects:
        graph.add("projects", name, title=title, acronym=name, status=status,
                  startDate=D(start), endDate=D(end), fundingProgramme=graph.programme,
                  totalBudget=budget, currency="CHF" if name == "P4" else "EUR", areas=areas,
                  proposal=graph[proposal] if proposal else None)
    partners = [
        ("P0", "O0", "COORDINATOR", 20_000_000_000), ("P0", "O1", "PARTNER", 15_000_000_000),
        ("P0", "O2", "PARTNER", 10_000_000_000), ("P0", "O3", "ASSOCIATED", None),
        ("P0", "O4", "PARTNER", 5_000_000_000), ("P1", "O1", "COORDINATOR", 6_000_000),
        ("P1", "O3", "PARTNER", 6_000_000), ("P2", "O2", "COORDINATOR", None),
        ("P3", "O0", "COORDINATOR", 12_000_000), ("P3", "O4", "PARTNER", 0),
        ("P4", "O5", "COORDINATOR", 99),
    ]
    for project, organization, role, budget in partners:
        graph.link("partners", project=graph[project], organization=graph[organization],
                   role=role, budget=budget)
    for project, user, role in [("P0", "U0", "MANAGER"), ("P0", "U1", "RESEARCHER"),
                                ("P0", "U2", "TECHNICIAN"), ("P1", "U3", "ADVISOR"),
                                ("P3", "U0", "RESEARCHER"), ("P0", "U7", "ADVISOR")]:
        graph.link("workers", project=graph[project], user=graph[user], role=role)
    for user in ("U5", "U6"):
        graph.link("follows", user=graph[user], project=graph["P0"])


def _work_plan(graph: ProbeGraph) -> None:
    activities = [
        ("A0", "P0", "Design", "2021-01-10", "2021-03-31", "DONE", 100),
        ("A1", "P0", "Build", "2021-04-01", "2021-12-31", "DONE", 100),
        ("A2", "P0", "Test", "2022-01-01", "2022-06-30", "IN_PROGRESS", 40),
        ("A3", "P0", "Deploy", "2022-07-01", "2022-12-31", "PLANNED", 0),
        ("A4", "P0", "Build", "2021-04-01", "2021-09-30", "DONE", 100),
        ("A5", "P0", "Audit", "2022-02-01", "2022-03-15", "BLOCKED", 10),
        ("A6", "P0", "Report", "2023-01-01", "2023-12-31", "PLANNED", 0),
        ("A7", "P0", "Dissemination", "2021-02-01", "2023-12-31", "IN_PROGRESS", 60),
        ("B0", "P1", "Kick-off", "2023-06-01", "2023-07-01", "PLANNED", 0),
        ("B1", "P1", "Pilot", "2023-07-02", "2024-07-01", "PLANNED", 0),
        ("B2", "P3", "Survey", "2021-02-01", "2021-05-01", "DONE", 100),
    ]
    for name, project, title, start, end, status, progress in activities:
        graph.add("activities", name, project=graph[project], title=title, startDate=D(start),
                  endDate=D(end), status=status, progress=progress)
    for activity, depends_on in [("A1", "A0"), ("A4", "A0"), ("A2", "A1"), ("A2", "A4"),
                                 ("A3", "A2"), ("A5", "A1"), ("A6", "A3"), ("A6", "A5"),
                                 ("A6", "A2"), ("B1", "B0")]:
        graph.link("dependencies", activity=graph[activity], dependsOn=graph[depends_on])
    for activity, assignees in [("A0", ["U0", "O0"]), ("A1", ["U1", "O1"]),
                                ("A2", ["U0", "U2", "O0"]), ("A3", ["O2"]), ("A5", ["U0"]),
                                ("A7", ["U1", "O0", "O4"]), ("B0", ["U3"])]:
        for assignee in assignees:
            graph.link("assignments", activity=graph[activity], assignee=graph[assignee])
    milestones = [("M0", "2021-03-31", "2021-03-30T10:00:00"), ("M1", "2021-12-31", None),
                  ("M2", "2022-06-30", None), ("M3", "2022-06-30", "2022-06-29T08:30:00"),
                  ("M4", "2023-12-31", None), ("M5", "2022-01-15", "2022-01-20T12:00:00"),
                  ("M6", "2023-06-01", None)]
    for name, due, reached in milestones:
        graph.add("milestones", name, project=graph["P0"], title=f"Milestone {name}",
                  dueDate=D(due), reachedAt=_at(reached) if reached else None)
    results = [("R0", "Paper A", "PUBLICATION", "2021-06-01"), ("R1", "Patent", "PATENT",
               "2022-01-01"), ("R2", "Paper B", "PUBLICATION", "2022-01-01"),
               ("R3", "Data", "DATASET", "2023-03-03"), ("R4", "Proto", "PROTOTYPE",
               "2022-11-11"), ("R5", "Paper A", "PUBLICATION", "2023-05-05")]
    for name, title, kind, day in results:
        graph.add("results", name, project=graph["P0"], title=title, kind=kind, date=D(day),
                  description=f"About {title}")
    graph.add("results", "S0", project=graph["P2"], title="Report", kind="OTHER",
              date=D("2021-01-01"), description=None)


def _budget_and_documents(graph: ProbeGraph) -> None:
    lines = [
        ("L0", "P0", "O0", "PERSONNEL", 300_000_000_000, 120_000_000_000),
        ("L1", "P0", "O0", "EQUIPMENT", 5_000_000, 4_999_999),
        ("L2", "P0", "O1", "PERSONNEL", 8_000_000, 1),
        ("L3", "P0", "O1", "TRAVEL", 1_234_567, 0),
        ("L4", "P0", "O2", "SERVICES", 2_500_050, 2_500_050),
        ("L5", "P0", "O2", "PERSONNEL", 700_000, 350_000),
        ("L6", "P0", "O4", "OTHER", 99, 98),
        ("L7", "P0", "O4", "TRAVEL", 10_000, 2_500),
        ("L8", "P0", "O0", "TRAVEL", 45_000, 44_999),
        ("K0", "P1", "O1", "PERSONNEL", 3_000_000, 0),
        ("K1", "P4", "O5", "SERVICES", 99, 99),
    ]
    for name, project, partner, category, planned, spent in lines:
        graph.add("budgetLines", name, project=graph[project], partner=graph[partner],
                  category=category, planned=planned, spent=spent)
    documents = [
        # name, subject, previous, version, created, size
        ("D0", None, None, 1, "2021-02-01T09:00:00", 1_024),
        ("D1", None, "D0", 2, "2022-02-01T09:00:00", 2_048),
        ("D2", "P0", "D1", 3, "2023-02-01T09:00:00", 4_096),
        ("D3", "P0", None, 1, "2022-05-01T09:00:00", 512),
        ("D4", "P0", None, 1, "2024-01-01T09:00:00", 5_000_000_000),
        ("D5", "P4", None, 1, "2023-01-01T09:00:00", 10),
        ("E_open", "C_open", None, 1, "2023-01-01T09:00:00", 10),
        ("E_reserved", "C_reserved", None, 1, "2023-01-01T09:00:00", 10),
        ("E_closed_v1", None, None, 1, "2022-01-01T09:00:00", 10),
        ("E_closed", "C_closed", "E_closed_v1", 2, "2023-01-01T09:00:00", 10),
        ("E_talk_open", "T_open", None, 1, "2023-01-01T09:00:00", 10),
        ("E_talk_reserved", "T_reserved", None, 1, "2023-01-01T09:00:00", 10),
        ("E_published_v1", None, None, 1, "2022-01-01T09:00:00", 10),
        ("E_published", "Q_published", "E_published_v1", 2, "2023-01-01T09:00:00", 10),
        ("E_closed_call", "Q_closed", None, 1, "2023-01-01T09:00:00", 10),
        ("E_draft", "Q_draft", None, 1, "2023-01-01T09:00:00", 10),
        ("E_archived", "Q_archived", None, 1, "2023-01-01T09:00:00", 10),
    ]
    for name, subject, previous, version, created, size in documents:
        graph.add("documents", name, title=f"Document {name}", fileName=f"{name}.pdf",
                  mimeType="application/pdf", size=size, sha256=uuid.uuid4().hex * 2,
                  version=version, createdAt=_at(created), uploader=graph["U1"],
                  subject=graph[subject] if subject else None,
                  previous=graph[previous] if previous else None)


@asynccontextmanager
async def created(db: Database) -> AsyncIterator[ProbeGraph]:
    """A new probe graph in the database, removed on exit."""
    areas = [row["id"] for row in await run_test_cypher(db, "some_s3_areas")]
    graph = build(areas)
    try:
        await run_test_cypher(db, "create_probe_graph", **graph.parameters())
        yield graph
    finally:
        await run_test_cypher(db, "delete_probe", probe=graph.probe)
