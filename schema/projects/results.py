"""What projects produced: publications, patents, prototypes, products, data sets."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app.context import Context
from schema.loading import Conditions, Relation, load_one, related_connection
from schema.node import Node, register
from schema.pagination import Connection, Edge, OrderDirection, SortKey, node_edge, ordering
from schema.projects.kinds import PROJECT, RESULT, ResultKind
from schema.values import native

if TYPE_CHECKING:
    from schema.projects.types import Project


@strawberry.enum(description="The fields results can be ordered by.")
class ResultOrderField(Enum):
    DATE = "DATE"
    TITLE = "TITLE"


RESULT_SORTS = {
    ResultOrderField.DATE: SortKey("n.date", kind="date"),
    ResultOrderField.TITLE: SortKey("n.title"),
}


@strawberry.input(description="How to order results.")
class ResultOrder:
    field: ResultOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Which results to list.")
class ResultFilter:
    kinds: list[ResultKind] | None = strawberry.field(
        default=None, description="Results of any of these kinds.")


@strawberry.type(description="Something a project produced.")
class Result(Node):
    title: str
    kind: ResultKind
    date: date
    description: str | None

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Result:
        return cls(node_id=fields["id"], title=fields["title"], kind=ResultKind(fields["kind"]),
                   date=native(fields["date"]), description=fields.get("description"))

    @strawberry.field(description="The project that produced it.")
    async def project(
        self, info: strawberry.Info[Context, None],
    ) -> Annotated[Project, strawberry.lazy("schema.projects.types")] | None:
        from schema.projects.types import Project

        fields = await load_one(info.context, RESULT_PROJECT, self.node_id)
        return Project.from_fields(fields) if fields is not None else None


@strawberry.type(description="A result in a list.")
class ResultEdge(Edge[Result]):
    pass


@strawberry.type(description="A page of results.")
class ResultConnection(Connection[ResultEdge]):
    pass



PROJECT_RESULTS = Relation("Project", "RESULT_OF", outgoing=False, target=RESULT,
                           sort=RESULT_SORTS[ResultOrderField.DATE],
                           where=Conditions("projects/result_filter"))
RESULT_PROJECT = Relation("Result", "RESULT_OF", outgoing=True, target=PROJECT)


async def project_results(
    info: strawberry.Info[Context, None], project_id: str, filter: ResultFilter | None,
    order_by: ResultOrder | None, first: int | None, after: str | None, last: int | None,
    before: str | None,
) -> ResultConnection:
    """A page of a project's results that pass `filter`, newest first unless ordered."""
    chosen = filter or ResultFilter()
    order = order_by or ResultOrder(field=ResultOrderField.DATE, direction=OrderDirection.DESC)
    parameters = {"kinds": [kind.value for kind in chosen.kinds] if chosen.kinds else None}
    relation = dataclasses.replace(
        PROJECT_RESULTS, sort=ordering(RESULT_SORTS[order.field], order.direction))
    return await related_connection(info, relation, project_id, result_edge, ResultConnection,
                                    first, after, last, before, parameters)


register("Result", RESULT, Result.from_fields)

result_edge = node_edge(ResultEdge, Result)
