"""Conversions shared by the domains between GraphQL values and Cypher values."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import strawberry

from app import ids
from schema.pagination import OrderDirection, SortKey


def shown(fields: Mapping[str, Any], key: str,
          convert: Callable[[Any], Any] | None = None) -> Any:
    """The field `key` of a node's fields, converted; None when the reading left it out (it
    read only the fields a selection shows, ShownProjections): an attribute nobody reads."""
    value = fields.get(key)
    return convert(value) if convert is not None and value is not None else value


def native(value: Any) -> Any:
    """A Neo4j temporal value as Python's own (what GraphQL scalars serialize)."""
    return value.to_native() if value is not None and hasattr(value, "to_native") else value


def optional_id(value: strawberry.ID | None, type_name: str) -> str | None:
    """The node id of an optional global ID argument that must be of type `type_name`."""
    return ids.decode_as(value, type_name) if value else None


def instant(value: datetime | None) -> datetime | None:
    """A time argument as an aware datetime (a time without offset is taken as UTC), so that it
    compares with stored DateTime values instead of matching nothing."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def ordered(sorts: dict[Any, SortKey], field: Enum, direction: OrderDirection) -> SortKey:
    """The sort key of an `orderBy` argument: the field's key in the direction asked."""
    return dataclasses.replace(sorts[field], descending=direction == OrderDirection.DESC)


def values(enums: list[Any] | None) -> list[str] | None:
    """The stored names of a list of enum arguments, or None when the list is absent or empty."""
    return [enum.value for enum in enums] if enums else None
