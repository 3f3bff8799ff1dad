"""Response values of compiled execution: functions that turn what a statement read (a node's
map, an edge's properties, a page's items) into a field's value exactly as graphql-core
would serialize the resolvers' objects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLString,
    get_nullable_type,
)
from strawberry.types.base import StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition

from app import ids
from app.errors import ApiError
from schema.values import native

Build = Callable[[Any], Any]


class NotCompilable(Exception):
    """The operation, or this request of it, is left to the normal execution."""


# What a type's `from_fields` (or a connection's `make_edge`) makes of a stored value beyond
# the conversion its field's type implies (the default country, a missing flag read as false),
# by type and field. tests/test_compiled_execution.py checks every plain field of every node
# type against `from_fields`, and every stored field of every marked connection's edges
# against `make_edge`, on the seed data: a conversion added there and not here is found.
CONVERSIONS: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("Organization", "country"): lambda value: value or "IT",
    ("Discussion", "locked"): bool,
    ("Proposal", "internationalDissemination"): bool,
    ("OrganizationCompetenceEdge", "distinctive"): bool,
    ("ProjectPartnerEdge", "candidate"): bool,
}


# Plain fields of edges that only the resolver's `make_edge` can answer (computed from more
# than one stored value), beside those of object type, which always are. tests/
# test_compiled_execution.py checks every other plain edge field against `make_edge`.
MADE: frozenset[tuple[str, str]] = frozenset({
    ("ProjectPartnerEdge", "share"),
    ("OrganizationProjectEdge", "share"),
})


@dataclass(frozen=True)
class PageEdge:
    """What pagination's `build` makes of each item: its cursor, the item as read, and the
    edge object `make_edge` made of it when the selection needs one (else None)."""

    cursor: str
    item: dict[str, Any]
    made: Any = None


def checked(check: Any, *arguments: Any) -> Any:
    """`check(*arguments)`; an argument it refuses leaves the field to the normal path, which
    reports it with its path and code."""
    try:
        return check(*arguments)
    except ApiError as refused:
        raise NotCompilable(str(refused)) from None


def constant(value: Any) -> Build:
    """The same value whatever the source (a `__typename`)."""
    return lambda _source: value


def global_id(type_name: str) -> Build:
    """A node's global ID, from the id in its map."""
    return lambda node: ids.encode(type_name, node["id"])


def object_value(parts: dict[str, Build], order: list[str]) -> Build:
    """An object's value: each response key's value built from the same source, in the
    selection's order."""
    chosen = [(key, parts[key]) for key in order]
    return lambda source: {key: part(source) for key, part in chosen}


def resolver_name(definition: Any) -> str | None:
    """The qualified name of a field's resolver, None for a plain attribute."""
    if definition is None or definition.base_resolver is None:
        return None
    name: str = definition.base_resolver.wrapped_func.__qualname__
    return name


def plain(definition: Any) -> bool:
    """Whether a field is a plain attribute, read as it is: no resolver, no permission
    classes, no field extensions."""
    return (definition is not None and definition.base_resolver is None
            and not definition.permission_classes and not definition.extensions)


def serializer(field: GraphQLField) -> Callable[[Any], Any]:
    """How the leaf type of `field` serializes a Python value."""
    leaf_type = get_nullable_type(field.type)
    if not isinstance(leaf_type, GraphQLLeafType):
        raise NotCompilable(f"{leaf_type} is not a leaf type")
    return serialized(leaf_type)


def serialized(leaf_type: GraphQLLeafType) -> Callable[[Any], Any]:
    """How `leaf_type` serializes a Python value, exactly as graphql-core does, but faster:
    a value graphql-core passes as it is (a str as a String or an ID, a bool as a Boolean, a
    32-bit int as an Int) is not checked again, and an enum's name is looked up once per
    value (strawberry's enum types compare the value with each of theirs, every time)."""
    serialize = leaf_type.serialize
    if leaf_type is GraphQLString or leaf_type is GraphQLID:
        return lambda value: value if type(value) is str else serialize(value)
    if leaf_type is GraphQLBoolean:
        return lambda value: value if type(value) is bool else serialize(value)
    if leaf_type is GraphQLInt:
        return lambda value: (value if type(value) is int and _INT_MIN <= value <= _INT_MAX
                              else serialize(value))
    if isinstance(leaf_type, GraphQLEnumType):
        return _enum_names(serialize)
    return serialize


_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


def _enum_names(serialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # Only values the type serializes are kept, so the names stay as few as its values.
    names: dict[Any, Any] = {}

    def name_of(value: Any) -> Any:
        try:
            return names[value]
        except KeyError:
            name = names[value] = serialize(value)
            return name
        except TypeError:  # unhashable: the type refuses it
            return serialize(value)

    return name_of


def nullable(value_type: Any, value: Callable[[Any], Any]) -> Build:
    """`value` of a Python value of `value_type`, None for None (unless the type is non-null:
    then the normal path answers, and reports it)."""
    required = isinstance(value_type, GraphQLNonNull)

    def read(found: Any) -> Any:
        if found is None:
            if required:
                raise NotCompilable(f"a null {value_type}")
            return None
        return value(found)

    return read


def attribute(name: str, value: Build) -> Build:
    """An attribute of an object Python code built (pagination's PageInfo, an amount of Money,
    an edge made by `make_edge`, a domain function's answer), as `value` (its type's and
    selection's, schema/compiled/objects.py) shows it."""
    return lambda source: value(getattr(source, name))


def built(build_object: Callable[[dict[str, Any]], Any], name: str, value: Build) -> Build:
    """An attribute of the object a node type's from_fields builds from the node's map (read
    whole), as `value` shows it."""
    read = attribute(name, value)
    return lambda node: read(build_object(node))


def made(name: str, value: Build) -> Build:
    """An attribute of the edge object made by the resolver's `make_edge` (PageEdge.made)."""
    read = attribute(name, value)
    return lambda edge: read(edge.made)


def leaf(type_name: str, name: str, field: GraphQLField, definition: Any) -> Build:
    """A plain attribute read from a map (a node's projection, an edge's properties):
    converted as the type's object holds it, serialized by its leaf type. A null in a
    non-null field is left to the normal path, which reports it. A value stored as it is
    served is not converted; an enum's stored values are looked up straight to their names
    (thousands of them in a long list)."""
    special = CONVERSIONS.get((type_name, name))
    convert = special or conversion(definition.type)
    value = nullable(field.type, serializer(field))
    if convert is _stored_as_served:
        return lambda source: value(source.get(name))
    enum = None if special else _enum_of(definition.type)
    if enum is not None and isinstance(get_nullable_type(field.type), GraphQLEnumType):
        # values stored falsy are read as null (conversion), unhashable ones never match
        names = {member.value: value(member) for member in enum
                 if member.value and getattr(member.value, "__hash__", None) is not None}

        def stored_name(source: Any) -> Any:
            stored = source.get(name)
            try:
                return names[stored]
            except (KeyError, TypeError):  # null, or a value the enum refuses: as before
                return value(convert(stored))

        return stored_name
    return lambda source: value(convert(source.get(name)))


def _stored_as_served(value: Any) -> Any:
    return value


def _unwrapped(annotation: Any) -> Any:
    """A field's type, optional or not."""
    return annotation.of_type if isinstance(annotation, StrawberryOptional) else annotation


def _enum_of(annotation: Any) -> Any:
    """The Python enum of a field's type (optional or not), None for another type."""
    inner = _unwrapped(annotation)
    return inner.wrapped_cls if isinstance(inner, StrawberryEnumDefinition) else None


def conversion(annotation: Any) -> Callable[[Any], Any]:
    """How a stored value becomes the Python value of a field of this type."""
    enum = _enum_of(annotation)
    if enum is not None:
        return lambda value: enum(value) if value else None
    if _unwrapped(annotation) in (datetime, date):
        return native
    return _stored_as_served
