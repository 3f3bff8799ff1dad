"""Scalars beyond GraphQL's own, given to the schema through `SCALARS`, and value helpers."""

from __future__ import annotations

import re
from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

from app.errors import BadUserInput

BigInt = NewType("BigInt", int)
# What Neo4j stores as an integer: a larger number could not even be sent to it.
BIG_INT_RANGE = range(-(2**63), 2**63)
DIGITS = re.compile(r"-?[0-9]{1,19}")


def _parse_big_int(value: Any) -> int:
    """A BigInt argument: a whole number or a string of its digits, within 64 bits; anything
    else is the client's mistake (BAD_USER_INPUT), never an unexpected error."""
    if isinstance(value, str) and DIGITS.fullmatch(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value not in BIG_INT_RANGE:
        raise BadUserInput("BigInt takes a whole number of at most 64 bits (from "
                           f"{BIG_INT_RANGE.start} to {BIG_INT_RANGE.stop - 1}), or a string "
                           "of its decimal digits")
    return value


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

