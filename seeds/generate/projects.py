"""Projects with their partners, people and budgets.

Partners cluster as real consortia do: most share the project's domain (so its S3 areas), many
the coordinator's province, and popular organizations (universities, large companies) sit in
many consortia. Money is in integer cents of EUR and adds up: a partner's budget lines sum to
its `PARTNER_IN` budget, and a project's `totalBudget` is the sum of its partners' budgets
(associated partners take no funding and have no budget lines).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from seeds.generate.actors import Actors
from seeds.generate.base import TODAY, World
from seeds.generate.plans import make_plan
from seeds.generate.proposals import PUBLIC, Opportunities

CATEGORIES = {"PERSONNEL": (30_000, 400_000), "EQUIPMENT": (5_000, 250_000),
              "SERVICES": (5_000, 150_000), "TRAVEL": (1_000, 30_000), "OTHER": (1_000, 50_000)}
WORKER_ROLES = {"RESEARCHER": 50, "TECHNICIAN": 30, "ADVISOR": 20}
# Projects start from before the platform opened until some fifteen months after the day the
# data set describes, so that some are still planned.
FIRST_START, LAST_START = date(2016, 1, 1), TODAY + timedelta(days=457)
ORIGINATED_SHARE = 0.3


@dataclass(slots=True)
class Project:
    id: str
    domain: str
    status: str
    start: date
    end: date
    partners: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)


def make_projects(world: World, total: int, actors: Actors,
                  opportunities: Opportunities) -> list[Project]:
    """`total` projects with partners, people, budget lines, activities, milestones, results."""
    rng, taxonomy, graph, texts = world.rng, world.taxonomy, world.graph, world.taxonomy.texts
    origins: dict[str, list[tuple[str, date]]] = {}
    for proposal in opportunities.proposals:
        if proposal.proposer is not None and proposal.status in PUBLIC:
            origins.setdefault(proposal.domain, []).append((proposal.id, proposal.created.date()))
    acronyms: set[str] = set()
    projects: list[Project] = []
    for index in range(total):
        domain = rng.choice(taxonomy.top_level)
        start = world.day(FIRST_START, LAST_START)
        end = start + timedelta(days=30 * rng.randint(12, 48))
        project = Project(world.id("project", index), domain, _status(world, start, end),
                          start, end)
        coordinator = actors.organization_in(rng, domain)
        project.partners = _consortium(world, actors, coordinator, domain)
        slots = world.italian_slots(domain, actors.organizations[coordinator].province)
        acronym = "".join(rng.sample(texts["acronymParts"], k=2))
        if acronym in acronyms:
            acronym = f"{acronym}{index}"
        acronyms.add(acronym)
        row = {
            "id": project.id, "title": world.text("projectTitlesIt", **slots), "acronym": acronym,
            "summary": world.text("projectSummariesIt", **slots), "status": project.status,
            "startDate": start, "endDate": end, "currency": "EUR",
            "fundingProgramme": rng.choice(texts["fundingProgrammes"]),
        }
        row["totalBudget"] = _partners_and_budget(world, project, actors)
        graph.projects.append(row)
        codes = taxonomy.s3_codes(domain)
        for code in rng.sample(codes, k=rng.randint(1, min(2, len(codes)))):
            graph.project_areas.append({"project": project.id, "area": taxonomy.s3_id(code)})
        if rng.random() < ORIGINATED_SHARE:
            earlier = [proposal for proposal, day in origins.get(domain, []) if day < start]
            if earlier:
                graph.project_proposals.append(
                    {"project": project.id, "proposal": rng.choice(earlier)})
        _people(world, project, actors)
        make_plan(world, project.id, project.status, start, end, slots, project.partners,
                  [actors.people[person].id for person in project.people], actors)
        projects.append(project)
    return projects


def _status(world: World, start: date, end: date) -> str:
    rng = world.rng
    if start > TODAY:
        return "CANCELLED" if rng.random() < 0.03 else "PLANNED"
    if end < TODAY:
        return "CANCELLED" if rng.random() < 0.06 else "COMPLETED"
    return "CANCELLED" if rng.random() < 0.04 else "ACTIVE"


def _consortium(world: World, actors: Actors, coordinator: int, domain: str) -> list[int]:
    """The coordinator and partners: mostly of the same domain, often of the same province."""
    rng = world.rng
    province = actors.organizations[coordinator].province
    size = 2 + min(18, int(rng.expovariate(1 / 3.0)))
    partners = {coordinator: None}
    for _ in range(size * 3):
        if len(partners) >= size:
            break
        draw = rng.random()
        if draw < 0.45:
            partners[actors.organization_near(rng, domain, province)] = None
        elif draw < 0.85:
            partners[actors.organization_in(rng, domain)] = None
        else:
            partners[actors.any_organization.draw(rng)] = None
    return list(partners)


def _partners_and_budget(world: World, project: Project, actors: Actors) -> int:
    """Write PARTNER_IN and the budget lines; return the project's total budget in cents."""
    rng, graph = world.rng, world.graph
    elapsed = (TODAY - project.start).days / max(1, (project.end - project.start).days)
    total = 0
    for position, partner in enumerate(project.partners):
        organization_id = actors.organizations[partner].id
        role = "COORDINATOR" if position == 0 else (
            "ASSOCIATED" if rng.random() < 0.15 else "PARTNER")
        budget = 0
        if role != "ASSOCIATED":
            categories = ["PERSONNEL", *rng.sample(list(CATEGORIES)[1:], k=rng.randint(1, 4))]
            for category in categories:
                low, high = CATEGORIES[category]
                planned = rng.randint(low, high) * (150 if role == "COORDINATOR" else 100)
                spent = _spent(world, project.status, planned, elapsed)
                graph.budget_lines.append({
                    "id": world.id("budget", len(graph.budget_lines)), "category": category,
                    "planned": planned, "spent": spent, "project": project.id,
                    "organization": organization_id,
                })
                budget += planned
        graph.partners.append({"organization": organization_id, "project": project.id,
                               "role": role, "budget": budget})
        total += budget
    return total


def _spent(world: World, status: str, planned: int, elapsed: float) -> int:
    """Cents spent of `planned` by now, in whole euros, as the project's state suggests."""
    rng = world.rng
    share = {"COMPLETED": rng.uniform(0.85, 1.0), "PLANNED": 0.0,
             "CANCELLED": rng.uniform(0.0, 0.6) * min(1.0, max(0.0, elapsed)),
             "ACTIVE": min(1.0, max(0.0, elapsed * rng.uniform(0.6, 1.1)))}[status]
    return int(planned * share) // 100 * 100


def _people(world: World, project: Project, actors: Actors) -> None:
    """Members of the funded partners work on the project; the coordinator's first manages it."""
    rng, graph = world.rng, world.graph
    chosen: dict[int, str] = {}
    for partner in project.partners:
        members = actors.organizations[partner].members
        for person in rng.sample(members, k=min(len(members), rng.randint(1, 3))):
            if person not in chosen:
                chosen[person] = "MANAGER" if not chosen else rng.choices(
                    list(WORKER_ROLES), weights=list(WORKER_ROLES.values()))[0]
    for person, role in chosen.items():
        graph.project_people.append(
            {"user": actors.people[person].id, "project": project.id, "role": role})
    project.people = list(chosen)
