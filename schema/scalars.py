"""Scalars beyond GraphQL's own, given to the schema through `SCALARS`, and value helpers."""

from __future__ import annotations

from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

BigInt = NewType("BigInt", int)


def _parse_big_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("BigInt takes a whole number or a string of digits")
    return int(value)


SCALARS: dict[object, ScalarDefinition] = {
    BigInt: strawberry.scalar(
        name="BigInt",
        description="A whole number that may exceed 32 bits (GraphQL's Int), serialized as a "
        "string of decimal digits (with a leading minus when negative) so that no client "
        "rounds it.",
        serialize=str,
        parse_value=_parse_big_int,
    ),
}

