"""What a field reads, declared once for both ways of executing a query: field by field
through its resolver, and compiled into one statement (schema/compiled/__init__.py).

A field's resolver is marked with `compiles(plan)`: `plan` takes the field's own arguments
other than the Relay page arguments (`first`, `after`, `last`, `before`), as the resolver
receives them (strawberry's Python values), and says what the field reads. The resolver calls
the same `plan` for its own work (`read_related` for a related connection), so the relation,
the filter, the order and the parameters are written once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from schema.counting import Tally
from schema.loading import UNIQUE_KEYS, Filter, NodeKind, Relation, related_connection
from schema.pagination import SortKey, selects

F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C")
MakeEdge = Callable[[str, dict[str, Any]], Any]
PAGE_ARGUMENTS = ("first", "after", "last", "before")


@dataclass(frozen=True)
class RelatedPlan:
    """A connection of an object's related nodes: `relation`, with the parameters of its
    `where` predicate, whose edges the resolver makes with `make_edge` (from a cursor and an
    item as common/related_page reads it: compiled execution reads an edge's stored
    properties itself, and tests/test_compiled_execution.py checks them against `make_edge`)."""

    relation: Relation
    make_edge: MakeEdge | None
    parameters: dict[str, Any] = field(default_factory=dict)
    # The maker of the edges of one parent object, for edges that show what only the parent
    # knows (the share of a partner's budget in the project's total), when make_edge is None.
    edge_for: Callable[[Any], MakeEdge] | None = None

    def edges(self, parent: Any) -> MakeEdge:
        """The maker of the edges of `parent`'s connection."""
        if self.make_edge is not None:
            return self.make_edge
        if self.edge_for is None:
            raise ValueError("a RelatedPlan needs make_edge or edge_for")
        return self.edge_for(parent)


@dataclass(frozen=True)
class OnePlan:
    """The single node related to an object (`load_one`): null when there is none or the
    viewer may not see it."""

    relation: Relation


@dataclass(frozen=True)
class TallyPlan:
    """A figure of the object that costs a scan (schema/counting.py)."""

    tally: Tally


@dataclass(frozen=True)
class RootPlan:
    """A top-level connection: the nodes of `kind` passing `filter` (with `parameters`), in
    the order `sort`."""

    kind: NodeKind
    filter: Filter
    sort: SortKey
    parameters: dict[str, Any]


@dataclass(frozen=True)
class KeyPlan:
    """A top-level lookup of the node of `kind` whose unique `key` (`id`, or `handle` for
    users) is `value`, as an object of the type `type_name` (for a field typed with an
    interface, `node(id:)`; else the field's own type). A node the viewer may not see, or
    none, is the resolver's business (an error or null), so the normal path answers it."""

    kind: NodeKind
    key: str
    value: str
    type_name: str | None = None

    def __post_init__(self) -> None:
        if self.key not in UNIQUE_KEYS:
            raise ValueError(f"{self.key!r} is not a unique key")


# Whether the field's own selection asks for a field of its value (through fragments too).
Selects = Callable[[str], bool]


@dataclass(frozen=True)
class AnswerPlan:
    """A top-level field whose value a domain function builds in Python from what it reads
    (a network answer: one statement, then ordering, ids, kinds), given the request's context,
    what the field's selection asks for, and the page arguments. Compiled execution calls the
    same function and turns its objects into the response without graphql-core's field by
    field completion (their fields must be plain attributes)."""

    answer: Callable[[Any, Selects, dict[str, Any]], Awaitable[Any]]


Plan = RelatedPlan | RootPlan | KeyPlan | OnePlan | TallyPlan | AnswerPlan
_MARK = "__compiled_plan__"


def compiles(plan: Callable[..., Plan]) -> Callable[[F], F]:
    """Mark a resolver as readable by compiled execution through `plan`."""

    def mark(resolver: F) -> F:
        setattr(resolver, _MARK, plan)
        return resolver

    return mark


async def read_related(info: Any, plan: RelatedPlan, parent: Any,
                       connection: Callable[..., C], first: int | None, after: str | None,
                       last: int | None, before: str | None) -> C:
    """The normal path's reading of a related connection of the object `parent` by its plan
    (related_connection)."""
    return await related_connection(info, plan.relation, parent.node_id, plan.edges(parent),
                                    connection, first, after, last, before, plan.parameters)


async def answer(info: Any, plan: AnswerPlan, **page: Any) -> Any:
    """The normal path's answer of a field by its plan."""
    return await plan.answer(info.context, lambda name: selects(info, name), page)


def plan_of(resolver: Callable[..., Any] | None) -> Callable[..., Plan] | None:
    """The plan a resolver was marked with, or None."""
    return getattr(resolver, _MARK, None) if resolver is not None else None
