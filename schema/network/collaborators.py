"""`collaborators`: the organizations an organization was partner with, or the people a person
worked with, on the same projects; heaviest collaboration first.

The weight of a collaboration is the number of projects the two shared in the window (and S3
area) asked for: every shared project counts once, whatever its size or length, so that the
figure reads the same to everyone ("3 projects together"). Projects count as the network
queries count them (`queries/network/project_counts`, `tie_confirmed`): not cancelled ones,
and confirmed partners only.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import strawberry

from app import cypher
from app.context import Context
from app.errors import NotFound
from schema.loading import SHOWN, fragment, load_any
from schema.network.ties import PROJECT_WINDOW, Actor, actor, window
from schema.node import Node
from schema.pagination import (
    Connection,
    Edge,
    Page,
    SortKey,
    build,
    checked_request,
    cursor_for,
)
from schema.plans import AnswerPlan, Selects
from schema.projects.kinds import PROJECT
from schema.projects.types import Project
from schema.taxonomy.types import S3_AREA, S3Area
from schema.values import optional_id

# Heaviest first, equal weights by id: the key is the negated weight, in ascending order.
COLLABORATOR_ORDER = SortKey("-weight", kind="int")


@strawberry.type(description="An actor who worked with another on the same projects, and how "
                 "much.")
class CollaboratorEdge(Edge[Node]):
    weight: int = strawberry.field(
        description="How many projects the two shared, in the window and S3 area asked for.")
    project_ids: strawberry.Private[list[str]]
    area_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The projects the two shared (those the weight counts), the "
                      "latest started first.")
    async def shared_projects(self, info: strawberry.Info[Context, None]) -> list[Project]:
        found = await asyncio.gather(*(load_any(info.context, PROJECT, project_id)
                                       for project_id in self.project_ids))
        return [Project.from_fields(fields) for fields in found if fields is not None]

    @strawberry.field(description="The S3 areas of the shared projects, by code.")
    async def s3_areas(self, info: strawberry.Info[Context, None]) -> list[S3Area]:
        found = await asyncio.gather(*(load_any(info.context, S3_AREA, area_id)
                                       for area_id in self.area_ids))
        return [S3Area.from_fields(fields) for fields in found if fields is not None]


@strawberry.type(description="A page of an actor's collaborators, heaviest collaboration "
                 "first.")
class CollaboratorConnection(Connection[CollaboratorEdge]):
    pass


def _edge(found: Actor) -> Any:
    def make(cursor: str, item: dict[str, Any]) -> CollaboratorEdge:
        return CollaboratorEdge(cursor=cursor, node=found.build(item["node"]),
                                weight=item["weight"], project_ids=list(item["projects"]),
                                area_ids=list(item["areas"]))
    return make


def collaborators_plan(of: strawberry.ID, s3_area: strawberry.ID | None = None,
                       since: date | None = None, until: date | None = None) -> AnswerPlan:
    """One page of the collaborators of the actor `of`, in one round trip (the shared
    projects and areas, when asked for, in one more), as the connection a domain function
    builds; the collaborators' fields (SHOWN), the shared projects' ids and areas and the
    total are read, and cursors encoded, only when the selection shows them."""
    found = actor(of, "of")

    async def answer(context: Context, selected: Selects,
                     page: dict[str, Any]) -> CollaboratorConnection:
        request = checked_request(context.settings, page.get("first"), page.get("after"),
                                  page.get("last"), page.get("before"),
                                  with_total=selected("totalCount"))
        parameters = {"s3Area": optional_id(s3_area, "S3Area"), **window(since, until)}
        collaborations = fragment(
            "network/collaborations", label=found.kind.label,
            tie="PARTNER_IN" if found.is_organization else "WORKS_ON",
            window=PROJECT_WINDOW.predicate(parameters), visible=found.kind.visibility_of("other"))
        keyset = request.fragments(COLLABORATOR_ORDER)
        one_page = fragment("network/collaborator_page", **keyset)
        with_shared = selected("edges.sharedProjects") or selected("edges.s3Areas")
        fragments = {
            "label": found.kind.label, "actor_visible": found.kind.visibility_of("actor"),
            "collaborations": collaborations, "sort": keyset["sort"],
            "shared": "collect(DISTINCT n)" if with_shared else "[]",
            "page": one_page, "cut": "" if request.with_total else one_page}
        text = SHOWN.statement(
            found.kind, lambda key: selected(f"edges.node.{key}"),
            lambda projection: cypher.rendered("queries/network/collaborators",
                                               projection=projection, **fragments),
            tuple(sorted(fragments.items())))
        [record] = await context.db.read(text, {
            **parameters, "actorId": found.node_id, "viewerId": context.viewer_id,
            **request.parameters(COLLABORATOR_ORDER)})
        if not record["found"]:
            raise NotFound(f"Could not resolve to a node with the global id of '{of}'")
        page_read = Page(list(record["items"]), record["totalCount"], COLLABORATOR_ORDER)
        result: CollaboratorConnection = build(page_read, request, _edge(found),
                                               CollaboratorConnection, cursor_for(selected))
        return result

    return AnswerPlan(answer)
