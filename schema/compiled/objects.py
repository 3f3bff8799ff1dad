"""Compiled execution of objects that Python code builds: pagination's PageInfo, an amount of
Money, an edge made by a resolver's `make_edge`, and the whole answer of a field whose plan is
an AnswerPlan (an ego network, a page of collaborators). Each is read attribute by attribute as
its selection shows it, as graphql-core would complete it, for the Compiler of
schema/compiled/planning.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLAbstractType,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLObjectType,
    get_nullable_type,
)
from graphql.execution.collect_fields import FieldDetails

from app import ids
from schema.compiled import values
from schema.compiled.values import Build, NotCompilable, plain, resolver_name

Fields = dict[str, list[FieldDetails]]
Walk = tuple[list[tuple[str, list[FieldDetails]]], list[str]]
# The builder of one selected field's value: given its response key, the field, its strawberry
# definition and its selection.
Part = Callable[[str, GraphQLField, Any, list[FieldDetails]], Build]


class ObjectCompiler:
    """The part of the Compiler that compiles Python-built objects; the Compiler gives the
    schema and the walk of a selection."""

    schema: Any

    def _walk(self, object_type: GraphQLObjectType, details: list[FieldDetails]) -> Walk:
        raise NotImplementedError

    def _python_object(self, field: GraphQLField, details: list[FieldDetails]) -> Build:
        """The value of the object `field` holds, from the Python object (its nullness is the
        caller's)."""
        object_type = get_nullable_type(field.type)
        if not isinstance(object_type, GraphQLObjectType):
            raise NotCompilable(f"{object_type} is not an object type")
        return self._python_fields(object_type, details)

    def _python_value(self, value_type: Any, details: list[FieldDetails]) -> Build:
        """A value of `value_type` from a Python value: a leaf serialized by its type, a list
        item by item, an object by its attributes, an interface's or union's by the object's
        own type; a null where the schema allows none is left to the normal path."""
        nullable = get_nullable_type(value_type)
        inner: Build
        if isinstance(nullable, GraphQLLeafType):
            inner = values.serialized(nullable)
        elif isinstance(nullable, GraphQLList):
            item = self._python_value(nullable.of_type, details)

            def inner(items: Any) -> Any:
                return [item(found) for found in items]
        elif isinstance(nullable, GraphQLObjectType):
            inner = self._python_fields(nullable, details)
        elif isinstance(nullable, GraphQLAbstractType):
            inner = self._python_abstract(nullable, details)
        else:
            raise NotCompilable(f"{nullable}")
        return values.nullable(value_type, inner)

    def _fields(self, object_type: GraphQLObjectType, details: list[FieldDetails],
                part: Part) -> Build:
        """An object's value from the builders `part` gives for its selected fields (each
        given its response key, field and strawberry definition), `__typename` aside; a field
        with permission classes or extensions leaves the query to the normal path."""
        parts: dict[str, Build] = {}
        walk, order = self._walk(object_type, details)
        for key, details_of in walk:
            name = details_of[0].node.name.value
            if name == "__typename":
                parts[key] = values.constant(object_type.name)
                continue
            field = object_type.fields[name]
            definition = field.extensions.get("strawberry-definition")
            if definition is None or definition.permission_classes or definition.extensions:
                raise NotCompilable(f"{object_type.name}.{key} has permissions or extensions")
            parts[key] = part(key, field, definition, details_of)
        return values.object_value(parts, order)

    def _python_fields(self, object_type: GraphQLObjectType,
                       details: list[FieldDetails]) -> Build:
        """An object's selected fields, each a plain attribute (or a Node's id, a
        connection's count)."""

        def part(key: str, field: GraphQLField, definition: Any,
                 details_of: list[FieldDetails]) -> Build:
            resolver = resolver_name(definition)
            if resolver == "Node.id":
                return _node_id(object_type.name)
            if resolver == "Connection.total_count":
                return _counted_total
            if plain(definition):
                return values.attribute(definition.python_name,
                                        self._python_value(field.type, details_of))
            raise NotCompilable(f"{object_type.name}.{key}")

        return self._fields(object_type, details, part)

    def _python_abstract(self, abstract: GraphQLAbstractType,
                         details: list[FieldDetails]) -> Build:
        """An interface's or a union's value: the fields selected on the object's own type,
        each possible type compiled beforehand (a selection that cannot compile for one of
        them leaves the query to the normal path before anything is read)."""
        compiled = {object_type.name: self._python_fields(object_type, details)
                    for object_type in self.schema.get_possible_types(abstract)}

        def value(found: Any) -> Any:
            definition = getattr(type(found), "__strawberry_definition__", None)
            build = compiled.get(definition.name) if definition is not None else None
            if build is None:
                raise NotCompilable(f"{type(found).__name__} is not a {abstract.name}")
            return build(found)

        return value


def _node_id(type_name: str) -> Build:
    return lambda found: ids.encode(type_name, found.node_id)


def _counted_total(connection: Any) -> Any:
    if connection.total is None:  # counted only when selected: the normal path reports it
        raise NotCompilable("totalCount was not counted")
    return connection.total
