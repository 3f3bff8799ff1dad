"""Amounts of money: integer cents in Neo4j, exact decimals in the API."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from schema.scalars import BigInt

DEFAULT_CURRENCY = "EUR"


@strawberry.type(description="An exact amount of money.")
class Money:
    amount: Decimal = strawberry.field(
        description="The amount in the currency's units with two decimals, e.g. \"1250.50\" "
        "(a string, exact).")
    cents: BigInt = strawberry.field(
        description="The amount in cents, exact at any size (a string of digits, see BigInt).")
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. EUR.")


def money(cents: int, currency: str | None) -> Money:
    """The Money for an amount in cents as stored, in `currency` (EUR when unset)."""
    return Money(amount=Decimal(cents).scaleb(-2), cents=BigInt(cents),
                 currency=currency or DEFAULT_CURRENCY)


def optional_money(cents: int | None, currency: str | None) -> Money | None:
    """`money`, or None for an amount that is not set."""
    return None if cents is None else money(cents, currency)
