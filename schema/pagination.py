"""Relay connections with keyset cursors.

A cursor holds the sort key and the `id` of an item, so a page starts strictly after (or before)
that item whatever was inserted or deleted meanwhile: cursors are stable under inserts. Pages are
fetched with one item more than asked, which tells whether another page follows.

`hasPreviousPage` (when paging forward) and `hasNextPage` (when paging backward) say whether the
cursor passed points into the list, as the Relay specification allows, instead of costing a
second query.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Generic, Literal, TypeVar

import strawberry
from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
from neo4j.time import Date, DateTime

from app.context import Context
from app.errors import BadUserInput

T = TypeVar("T")
E = TypeVar("E")


@strawberry.type(description="Where a page stands in its connection.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="An item of a connection and the cursor that points to it.")
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list, with the total number of items in the list.")
class Connection(Generic[E]):
    edges: list[E]
    page_info: PageInfo
    total: strawberry.Private[int | None]

    @strawberry.field(description="How many items the whole list holds.")
    def total_count(self) -> int:
        if self.total is None:  # the count was not asked for; see selects()
            raise RuntimeError("totalCount was resolved without being selected")
        return self.total


@strawberry.enum(description="The direction of an ordering.")
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT64 = 2**63
_PROPERTY = re.compile(r"^n\.[A-Za-z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class SortKey:
    """How items are ordered: a Cypher expression on `n` (or `r`) chosen by the code, and the
    kind of value it gives (`datetime` and `date` keys travel in cursors as ISO text; `float`
    ones, such as search scores, as JSON numbers, which keep a double exactly). The
    expression must never be null: a null key would drop its item from every page."""

    expression: str
    kind: Literal["string", "int", "float", "datetime", "date"] = "string"
    descending: bool = False

    @property
    def present(self) -> str:
        """A predicate that holds for every item (the key is never null), stated so that the
        planner may read a top-level list in the order of a `(property, id)` range index and
        stop at the page's end, instead of sorting every node of the label."""
        if _PROPERTY.match(self.expression):
            return f"{self.expression} IS NOT NULL AND n.id IS NOT NULL"
        return "true"

    @property
    def cursor_key(self) -> str:
        """The Cypher expression that turns a cursor's key back into a comparable value."""
        if self.kind in ("datetime", "date"):
            return f"{self.kind}($cursorKey)"
        return "$cursorKey"

    @functools.cached_property
    def tag(self) -> str:
        """A short mark of the ordering, so a cursor is only accepted by the ordering it is for."""
        return hashlib.sha256(self.expression.encode()).hexdigest()[:8]

    def accepts(self, key: Any) -> bool:
        """Whether a cursor's key is a value of this ordering's kind."""
        if self.kind == "int":
            return isinstance(key, int) and not isinstance(key, bool) and -_INT64 <= key < _INT64
        if self.kind == "float":
            return isinstance(key, int | float) and not isinstance(key, bool) and math.isfinite(key)
        if self.kind == "date":
            return isinstance(key, str) and bool(_DATE.match(key)) and _is_date(key)
        return isinstance(key, str) and (self.kind == "string" or bool(_DATETIME.match(key)))


def _is_date(text: str) -> bool:
    """Whether ISO text names a real day (a cursor's key is later given to Cypher's date())."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def encode_cursor(sort: SortKey, sort_key: Any, node_id: str) -> str:
    """An opaque cursor for the item with this sort key and id, in the ordering `sort`."""
    if isinstance(sort_key, DateTime | Date):
        sort_key = sort_key.iso_format()
    raw = json.dumps([sort.tag, sort_key, node_id], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@dataclass(frozen=True)
class Cursor:
    """A decoded cursor: the ordering's tag, the sort key and the id of an item."""

    argument: str
    tag: str
    key: Any
    node_id: str


def decode_cursor(cursor: str, argument: str) -> Cursor:
    """The parts of a cursor; BadUserInput for anything that is not shaped like ours."""
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode())
        tag, sort_key, node_id = json.loads(raw)
    except (binascii.Error, UnicodeError, ValueError, TypeError):
        raise BadUserInput(f"{argument}: {cursor!r} is not a valid cursor") from None
    if not isinstance(tag, str) or not isinstance(node_id, str):
        raise BadUserInput(f"{argument}: {cursor!r} is not a valid cursor")
    return Cursor(argument, tag, sort_key, node_id)


@dataclass(frozen=True)
class PageRequest:
    """What one connection field asks for, checked: size, direction, cursor, whether to count."""

    size: int
    forward: bool
    cursor: Cursor | None
    with_total: bool

    def parameters(self, sort: SortKey) -> dict[str, Any]:
        """Cypher parameters of the page: one item more than asked tells if more follow.

        Raises BadUserInput when the cursor was issued for another list or ordering.
        """
        key = node_id = None
        if self.cursor is not None:
            if self.cursor.tag != sort.tag or not sort.accepts(self.cursor.key):
                raise BadUserInput(f"{self.cursor.argument}: the cursor belongs to another "
                                   "list or ordering", argument=self.cursor.argument)
            key, node_id = self.cursor.key, self.cursor.node_id
        return {"limit": self.size + 1, "cursorKey": key, "cursorId": node_id,
                "withTotal": self.with_total}

    def fragments(self, sort: SortKey) -> dict[str, str]:
        """The keyset's sort expression, comparison and direction: code, never user text."""
        ascending = self.forward != sort.descending
        return {"sort": sort.expression, "cursor_key": sort.cursor_key,
                "cmp": ">" if ascending else "<", "direction": "ASC" if ascending else "DESC"}


def page_request(info: strawberry.Info[Context, None], first: int | None, after: str | None,
                 last: int | None, before: str | None) -> PageRequest:
    """Validate Relay arguments; `first` defaults to the configured page size."""
    return checked_request(info.context.settings, first, after, last, before,
                           with_total=selects(info, "totalCount"))


def checked_request(settings: Any, first: int | None, after: str | None, last: int | None,
                    before: str | None, with_total: bool) -> PageRequest:
    """The checks of `page_request` for a caller that knows whether the count is selected
    (compiled execution, schema/compiled)."""
    if first is not None and last is not None:
        raise BadUserInput("Pass either first or last, not both")
    if after is not None and before is not None:
        raise BadUserInput("Pass either after or before, not both")
    if (first is not None and before is not None) or (last is not None and after is not None):
        raise BadUserInput("Page forward with first and after, or backward with last and before")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= settings.max_page_size:
            raise BadUserInput(f"{name} must be between 0 and {settings.max_page_size}",
                               argument=name)
    forward = last is None and before is None
    size = (first if forward else last) or 0
    if first is None and last is None:
        size = settings.default_page_size
    cursor = decode_cursor(after, "after") if after else (
        decode_cursor(before, "before") if before else None)
    return PageRequest(size=size, forward=forward, cursor=cursor, with_total=with_total)


def selects(info: strawberry.Info, field_name: str) -> bool:
    """Whether the current field's selection asks for `field_name`, or for the dotted path of
    fields below it (`edges.cursor`), through fragments too."""
    fragments = info._raw_info.fragments

    def walk(selection_set: SelectionSetNode | None, names: list[str]) -> bool:
        for selection in selection_set.selections if selection_set else ():
            if (isinstance(selection, FieldNode) and selection.name.value == names[0]
                    and (len(names) == 1 or walk(selection.selection_set, names[1:]))):
                return True
            if isinstance(selection, InlineFragmentNode) and walk(selection.selection_set,
                                                                  names):
                return True
            if isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                if fragment is not None and walk(fragment.selection_set, names):
                    return True
        return False

    path = field_name.split(".")
    return any(walk(node.selection_set, path) for node in info._raw_info.field_nodes)


@dataclass(frozen=True)
class Page:
    """Items of one page as read from Neo4j (`sortKey` and `node.id` in each, but where
    compiled execution shows no cursor), the total, and the ordering they were read in (which
    their cursors carry)."""

    items: list[dict[str, Any]]
    total: int | None
    sort: SortKey


def item_cursor(sort: SortKey, item: dict[str, Any]) -> str:
    """The cursor of an item of a page read in the ordering `sort`."""
    return encode_cursor(sort, item.get("sortKey"), item["node"]["id"])


def no_cursor(_sort: SortKey, _item: dict[str, Any]) -> str:
    """The cursor of an item whose cursor nobody selected (none is encoded)."""
    return ""


def shows_cursor(selected: Callable[[str], bool]) -> bool:
    """Whether a connection's selection (answering dotted paths) shows a cursor: an edge's,
    or pageInfo's."""
    return any(selected(path) for path in
               ("edges.cursor", "pageInfo.startCursor", "pageInfo.endCursor"))


def cursor_for(selected: Callable[[str], bool]) -> Callable[[SortKey, dict[str, Any]], str]:
    """How the items of a page a domain function builds get their cursors: encoded when the
    connection's selection shows one, else not at all."""
    return item_cursor if shows_cursor(selected) else no_cursor


def kept_items(items: list[dict[str, Any]], request: PageRequest) -> list[dict[str, Any]]:
    """The items of a page read with one more than asked (which tells whether more follow),
    trimmed to the page and in the order asked (a backward page is read last first)."""
    kept = items[: request.size]
    if not request.forward:
        kept.reverse()
    return kept


def build(page: Page, request: PageRequest, make_edge: Callable[[str, dict[str, Any]], E],
          connection: Callable[..., Any],
          cursor: Callable[[SortKey, dict[str, Any]], str] = item_cursor) -> Any:
    """A connection object from a page: trims the extra item, restores the order, sets cursors
    (with `cursor`: compiled execution skips cursors nobody selected, and reads no sort key
    or id for them)."""
    items = kept_items(page.items, request)
    more = len(page.items) > request.size
    edges = [make_edge(cursor(page.sort, item), item) for item in items]
    has_cursor = request.cursor is not None
    info = PageInfo(
        has_next_page=more if request.forward else has_cursor,
        has_previous_page=has_cursor if request.forward else more,
        start_cursor=edges[0].cursor if edges else None,  # type: ignore[attr-defined]
        end_cursor=edges[-1].cursor if edges else None,  # type: ignore[attr-defined]
    )
    return connection(edges=edges, page_info=info, total=page.total)


def node_edge(edge_type: Callable[..., E], node_type: Any) -> Callable[[str, dict[str, Any]], E]:
    """The edge factory of a connection whose edges carry no properties: each loaded item
    becomes `edge_type(cursor=…, node=node_type.from_fields(item["node"]))`."""

    def make(cursor: str, item: dict[str, Any]) -> E:
        return edge_type(cursor=cursor, node=node_type.from_fields(item["node"]))

    return make


def pages_by_parent(records: Iterable[Any], parent_ids: list[str], sort: SortKey) -> list[Page]:
    """One Page per parent id, in the order asked (parents with no row get an empty page)."""
    found = {record["parentId"]: Page(list(record["items"]), record["totalCount"], sort)
             for record in records}
    return [found.get(parent_id, Page([], 0, sort)) for parent_id in parent_ids]


def ordering(sort: SortKey, direction: OrderDirection) -> SortKey:
    """`sort` in the direction a client asked for."""
    return dataclasses.replace(sort, descending=direction == OrderDirection.DESC)
