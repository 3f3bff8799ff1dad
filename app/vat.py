"""Italian VAT numbers (partita IVA): eleven digits, the last a Luhn-style check digit."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ELEVEN_DIGITS = re.compile(r"^[0-9]{11}$")


def check_digit(digits: Sequence[int]) -> int:
    """The check digit of the first ten digits of a VAT number: digits in odd positions
    count as they are, those in even positions doubled (less 9 when over 9)."""
    total = 0
    for index, digit in enumerate(digits):
        if index % 2 == 0:
            total += digit
        else:
            doubled = digit * 2
            total += doubled - 9 if doubled > 9 else doubled
    return (10 - total % 10) % 10


def is_valid(number: str) -> bool:
    """Whether `number` is eleven digits whose last is the check digit of the others."""
    if not _ELEVEN_DIGITS.match(number):
        return False
    digits = [int(char) for char in number]
    return check_digit(digits[:10]) == digits[10]
