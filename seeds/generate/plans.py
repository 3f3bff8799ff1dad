"""A project's plan: activities (with dependencies inside the project and assignees),
milestones and results, dated within the project and consistent with today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from seeds.generate.actors import Actors
from seeds.generate.base import NOW, TODAY, World, skewed_count

RESULT_KINDS = {"PUBLICATION": 40, "PROTOTYPE": 18, "DATASET": 12, "PRODUCT": 10, "PATENT": 8,
                "OTHER": 12}


def make_plan(world: World, project_id: str, status: str, start: date, end: date,
              slots: dict[str, Any], partners: list[int], people: list[str],
              actors: Actors) -> None:
    """Activities, milestones and results of one project."""
    _activities(world, project_id, status, start, end, slots, partners, people, actors)
    _milestones(world, project_id, status, start, end)
    if status in ("ACTIVE", "COMPLETED"):
        _results(world, project_id, start, min(end, TODAY), slots)


def _activities(world: World, project_id: str, status: str, start: date, end: date,
                slots: dict[str, Any], partners: list[int], people: list[str],
                actors: Actors) -> None:
    rng, graph = world.rng, world.graph
    phases = world.taxonomy.texts["activityPhasesIt"]
    spans = sorted(_span(world, start, end) for _ in range(rng.randint(5, 16)))
    made: list[tuple[str, date]] = []  # (id, end) of the activities already made
    for number, (first, last) in enumerate(spans, start=1):
        activity_id = world.id("activity", len(graph.activities))
        state, progress = _progress(world, status, first, last)
        phase = rng.choice(phases)
        title = f"WP{number} – {phase}" if rng.random() < 0.5 else f"{phase}: {slots['tema']}"
        graph.activities.append({
            "id": activity_id, "project": project_id, "title": title, "startDate": first,
            "endDate": last, "status": state, "progress": progress,
        })
        before = [earlier for earlier, finished in made if finished <= first]
        for dependency in rng.sample(before, k=min(len(before), rng.choice((0, 1, 1, 2)))):
            graph.activity_dependencies.append({"activity": activity_id, "dependsOn": dependency})
        if rng.random() < 0.7:
            graph.activity_organizations.append(
                {"activity": activity_id,
                 "organization": actors.organizations[rng.choice(partners)].id})
        if people and rng.random() < 0.5:
            graph.activity_users.append({"activity": activity_id, "user": rng.choice(people)})
        made.append((activity_id, last))


def _span(world: World, start: date, end: date) -> tuple[date, date]:
    first = world.day(start, end - timedelta(days=30))
    return first, min(end, first + timedelta(days=world.rng.randint(30, 360)))


def _progress(world: World, status: str, first: date, last: date) -> tuple[str, int]:
    """An activity's status and integer percentage of progress, from its dates."""
    rng = world.rng
    if last < TODAY:
        if status == "CANCELLED" and rng.random() < 0.5:
            return "BLOCKED", rng.randint(10, 90)
        return "DONE", 100
    if first > TODAY or status in ("PLANNED", "CANCELLED"):
        return "PLANNED", 0
    progress = round(100 * (TODAY - first).days / max(1, (last - first).days))
    if rng.random() < 0.08:
        return "BLOCKED", progress
    return "IN_PROGRESS", progress


def _milestones(world: World, project_id: str, status: str, start: date, end: date) -> None:
    rng, graph = world.rng, world.graph
    names = world.taxonomy.texts["milestonesIt"]
    for name in rng.sample(names, k=rng.randint(2, 7)):
        due = world.day(start, end)
        reached = None
        if due < TODAY and status != "CANCELLED" and rng.random() < 0.9:
            moment = datetime.combine(due, time(17, 0), UTC)
            reached = min(NOW, moment + timedelta(days=rng.randint(-20, 30)))
        graph.milestones.append({
            "id": world.id("milestone", len(graph.milestones)), "project": project_id,
            "title": name, "dueDate": due, "reachedAt": reached,
        })


def _results(world: World, project_id: str, start: date, end: date,
             slots: dict[str, Any]) -> None:
    rng, graph = world.rng, world.graph
    titles = world.taxonomy.texts["resultTitlesIt"]
    for _ in range(skewed_count(rng, 2.5, 25)):
        kind = rng.choices(list(RESULT_KINDS), weights=list(RESULT_KINDS.values()))[0]
        graph.results.append({
            "id": world.id("result", len(graph.results)), "project": project_id, "kind": kind,
            "title": rng.choice(titles[kind]).format(**slots), "date": world.day(start, end),
            "description": world.text("projectSummariesIt", **slots),
        })
