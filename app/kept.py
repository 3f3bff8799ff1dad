"""Values worked out from a request's document, kept for the next request that sends the same.

Clients send the same few documents again and again with the same variables: the limits'
measure of a document (app/query_limits.py) and its compiled execution (schema/compiled/) are
functions of the parsed document (kept by the parser cache, so the same object while kept), the
operation, the variables and the process's settings and schema, so they are worked out once and
kept, the most recent first, in a bounded number.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Generic, TypeVar

V = TypeVar("V")

# The largest variables a value is kept for, in characters of their names and values (a
# list or a map counts as 16, a number or a date as 8), and their deepest nesting: a long input
# (a file's text) is seldom sent twice and would take the memory of many kept values, and the
# variables are keyed before validation, undeclared ones included.
LONGEST_VARIABLES = 2048
DEEPEST_VARIABLES = 16


class TooLong(Exception):
    """Variables too long, or of a kind, to key a kept value by."""


class Kept(Generic[V]):
    """The last `size` values made from objects known by identity (a document, the settings)
    and plain values (an operation name, variables). An object is held with its value, so its
    identity is not reused by another while the value is kept; a value whose making raises is
    not kept."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, tuple[tuple[object, ...], V]] = OrderedDict()

    def get(self, held: tuple[object, ...], plain: Any, make: Callable[[], V]) -> V:
        """The value kept for these objects and plain values, or the one `make` makes, kept."""
        try:
            key = (tuple(id(item) for item in held), frozen(plain, [LONGEST_VARIABLES]))
        except TooLong:
            return make()
        kept = self._values.get(key)
        if kept is not None and all(a is b for a, b in zip(kept[0], held, strict=True)):
            self._values.move_to_end(key)
            return kept[1]
        value = make()
        self._values[key] = (held, value)
        if len(self._values) > self.size:
            self._values.popitem(last=False)
        return value


def frozen(value: Any, budget: list[int], depth: int = 0) -> Hashable:
    """A hashable form of JSON-like values (and the enums and dates variables are parsed to)
    that tells apart what equality does not (1, 1.0 and True; times in other zones); TooLong
    past `budget` characters or DEEPEST_VARIABLES levels, or for a value of another kind."""
    budget[0] -= len(value) if isinstance(value, str) else 16 if isinstance(
        value, Mapping | list | tuple) else 8
    if budget[0] < 0 or depth > DEEPEST_VARIABLES:
        raise TooLong("variables too long or too deep")
    if value is None or isinstance(value, bool | int | float | str):
        return (type(value).__name__, value)
    if isinstance(value, Enum):
        return (type(value).__module__, type(value).__qualname__, value.name)
    if isinstance(value, datetime | date | time):
        return (type(value).__name__, value.isoformat())
    if isinstance(value, Mapping):
        return ("map", tuple(sorted((_key(key, budget), frozen(item, budget, depth + 1))
                                    for key, item in value.items())))
    if isinstance(value, list | tuple):
        return ("list", tuple(frozen(item, budget, depth + 1) for item in value))
    raise TooLong(f"a {type(value).__name__} in the variables")


def _key(key: Any, budget: list[int]) -> str:
    name = str(key)
    budget[0] -= len(name)
    if budget[0] < 0:
        raise TooLong("variables too long")
    return name
