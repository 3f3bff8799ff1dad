"""Compiled execution of connections: a connection's page and its edges (the objects Python
code builds for them, PageInfo and an edge made by the resolver's `make_edge`, are
schema/compiled/objects.py's), for the Compiler of schema/compiled/planning.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLAbstractType,
    GraphQLLeafType,
    GraphQLList,
    GraphQLObjectType,
    get_named_type,
    get_nullable_type,
)
from graphql.execution.collect_fields import FieldDetails

from schema.compiled import statement, values
from schema.compiled.objects import Fields, ObjectCompiler
from schema.compiled.values import Build, NotCompilable, PageEdge, checked, plain
from schema.pagination import (
    Page,
    PageRequest,
    SortKey,
    build,
    checked_request,
    item_cursor,
    kept_items,
    no_cursor,
    shows_cursor,
)
from schema.plans import Plan, RelatedPlan

MakeEdge = Callable[[str, dict[str, Any]], Any]
Connect = Callable[..., Any]  # a connection's value from its read and its edge maker


class ConnectionCompiler(ObjectCompiler):
    """The part of the Compiler that compiles connections; the Compiler gives the rest."""

    settings: Any

    def _level(self) -> statement.Level:
        raise NotImplementedError

    def _node(self, node_type: Any, details: list[FieldDetails]) -> tuple[statement.Level, Build]:
        raise NotImplementedError

    def _subfields(self, object_type: GraphQLObjectType, details: list[FieldDetails]) -> Fields:
        raise NotImplementedError

    def _connection(self, connection_type: Any, details: list[FieldDetails], sort: SortKey,
                    page: dict[str, Any], plan: Plan) -> tuple[PageRequest, bool,
                                                               statement.Level, Connect]:
        """A connection's page request, whether it counts, what its nodes read, and the
        builder of its value from `{items, totalCount}` (and the maker of its edges, when
        some selected field of theirs needs it)."""
        fields = self._subfields(connection_type, details)
        with_total = any(d[0].node.name.value == "totalCount" for d in fields.values())
        request = checked(checked_request, self.settings, page["first"], page["after"],
                           page["last"], page["before"], with_total)
        level: statement.Level | None = None
        parts: dict[str, Build] = {}
        with_page_info = False
        walk, order = self._walk(connection_type, details)
        for key, details_of in walk:
            name = details_of[0].node.name.value
            field = connection_type.fields.get(name)
            if name == "__typename":
                parts[key] = values.constant(connection_type.name)
            elif name == "totalCount":
                parts[key] = _total
            elif name == "pageInfo":
                with_page_info = True
                parts[key] = _page_info(self._python_object(field, details_of))
            elif name == "edges" and level is None:
                edge, level = self._edge(_item_type(field.type), details_of, plan)
                parts[key] = _edges(edge)
            else:  # another field, or edges under a second alias (one level reads one node)
                raise NotCompilable(f"{connection_type.name}.{key}")
        level = level or self._level()
        shape = values.object_value(parts, order)
        level.cursors = shows_cursor(self._selected_paths(connection_type, fields).__contains__)
        cursor = item_cursor if level.cursors else no_cursor

        made = level.edge_whole
        if not (with_page_info or level.cursors or made):
            # the edges straight from the items: nothing selected needs a cursor, the page's
            # info or an edge object (a long nested list builds thousands of connections)
            def items_only(read: dict[str, Any], make_edge: MakeEdge | None = None) -> Any:
                return shape(([PageEdge("", item) for item in kept_items(read["items"], request)],
                              None, read.get("totalCount")))

            return request, with_total, level, items_only

        def value(read: dict[str, Any], make_edge: MakeEdge | None = None) -> Any:
            def edge(cursor: str, item: dict[str, Any]) -> PageEdge:
                return PageEdge(cursor, item, make_edge(cursor, item)
                                if made and make_edge is not None else None)

            built = build(Page(read["items"], read.get("totalCount"), sort), request, edge,
                          lambda edges, page_info, total: (edges, page_info, total), cursor)
            return shape(built)

        return request, with_total, level, value

    def _edge(self, edge_type: Any, details: list[FieldDetails],
              plan: Plan) -> tuple[Build, statement.Level]:
        """An edge's value, and the level reading its node and relationship. A field stored
        on the relationship is read from it; any other plain field (an amount of Money, a
        share computed from two amounts) from the edge the resolver's `make_edge` makes, for
        which the node and relationship are read whole."""
        level: statement.Level | None = None
        edge_keys: list[str] = []
        made = False
        parts: dict[str, Build] = {}
        walk, order = self._walk(edge_type, details)
        for key, details_of in walk:
            name = details_of[0].node.name.value
            field = edge_type.fields.get(name)
            definition = field.extensions.get("strawberry-definition") if field else None
            if name == "__typename":
                parts[key] = values.constant(edge_type.name)
            elif name == "cursor":
                parts[key] = _cursor
            elif name == "node":
                if level is not None:  # one level reads one node: not under two aliases
                    raise NotCompilable(f"{edge_type.name}.{key}")
                level, node = self._node(get_nullable_type(field.type), details_of)
                parts[key] = _item("node", node)
            elif definition is None or not plain(definition):
                raise NotCompilable(f"{edge_type.name}.{key}")
            elif (isinstance(get_nullable_type(field.type), GraphQLLeafType)
                  and (edge_type.name, name) not in values.MADE):
                if name not in edge_keys:
                    edge_keys.append(name)
                parts[key] = _item("edge", values.leaf(edge_type.name, name, field, definition))
            elif isinstance(plan, RelatedPlan):
                made = True
                parts[key] = values.made(definition.python_name,
                                         self._python_value(field.type, details_of))
            else:
                raise NotCompilable(f"{edge_type.name}.{key}")
        if made and level is None:  # make_edge builds the node too, from its fields
            raise NotCompilable(f"{edge_type.name}: a made edge without its node")
        level = level or self._level()
        level.edge_keys = edge_keys
        if made:  # make_edge builds the node from its fields: read it whole
            level.whole = level.edge_whole = True
        return values.object_value(parts, order), level

    def _selected_paths(self, value_type: Any, fields: Fields,
                        levels: int | None = 2) -> set[str]:
        """The names of the fields selected on a value of `value_type`, and, as dotted paths
        (`edges.cursor`, `edges.node.name`), of those selected below them, `levels` deep
        (None: all the way), through each possible type of an interface or a union: what a
        domain function's `Selects` answers."""
        paths: set[str] = set()
        for details_of in fields.values():
            name = details_of[0].node.name.value
            paths.add(name)
            child = (value_type.fields.get(name)
                     if isinstance(value_type, GraphQLObjectType) else None)
            if child is None or levels == 1:
                continue
            child_type = get_named_type(child.type)
            below = (self.schema.get_possible_types(child_type)
                     if isinstance(child_type, GraphQLAbstractType)
                     else [child_type] if isinstance(child_type, GraphQLObjectType) else [])
            for object_type in below:
                paths.update(f"{name}.{path}" for path in self._selected_paths(
                    object_type, self._subfields(object_type, details_of),
                    None if levels is None else levels - 1))
        return paths


# The parts of a connection's value, built from pagination's (edges, page info, total) and
# from each edge (PageEdge: its cursor and the item read).
def _total(built: tuple[Any, Any, Any]) -> Any:
    return built[2]


def _page_info(info: Build) -> Build:
    return lambda built: info(built[1])


def _edges(edge: Build) -> Build:
    return lambda built: [edge(item) for item in built[0]]


def _cursor(edge: PageEdge) -> str:
    return edge.cursor


def _item(part: str, value: Build) -> Build:
    return lambda edge: value(edge.item[part])


def _item_type(list_type: Any) -> Any:
    inner = get_nullable_type(list_type)
    if not isinstance(inner, GraphQLList):
        raise NotCompilable("edges is not a list")
    return get_nullable_type(inner.of_type)
