"""What every mutation shares: its input's validation, its payload, and how a refusal reads.

A mutation is `verbNoun(input: VerbNounInput!): VerbNounPayload!`. The input is a pydantic
model (the rules: lengths, ranges, formats) exposed to GraphQL through strawberry's pydantic
integration, so each rule is written once. A person's correctable mistake is data in the
payload's `userErrors` (the input field it concerns, a stable code, a message) and the mutation
changes nothing. Who may do what is decided by the write statement itself, in the same
transaction as the write: it answers with an outcome, and a refusal to act on an object the
viewer may not see is a top-level NOT_FOUND (as if the object did not exist), on one the viewer
sees but may not change FORBIDDEN; acting without signing in is UNAUTHENTICATED. Any other
outcome but 'DONE' names a rule the statement enforced, which the mutation's table of `Reason`s
turns into the user error a person reads (`outcome_errors`).

Example (the shape of every mutation)::

    @strawberry.mutation(description="...")
    async def follow(self, info: Info, input: FollowInput) -> FollowPayload:
        viewer_id = require_viewer(info)
        follow, errors = validated(input)
        if follow is None:
            return FollowPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        record = await write_statement(info.context, "actors/follow", {...}, visible=...)
        errors = outcome_errors(record["outcome"], "user", {"NOT_ALLOWED": SELF})
        ...
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

import strawberry
from neo4j import AsyncManagedTransaction, Record
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from strawberry.utils.str_converters import to_camel_case

from app import cypher, event_log
from app.context import Context
from app.errors import Forbidden, NotFound, Unauthenticated


@strawberry.enum(description="Why a mutation did not do what it was asked.")
class UserErrorCode(Enum):
    REQUIRED = "REQUIRED"
    INVALID = "INVALID"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    TAKEN = "TAKEN"
    ALREADY_DONE = "ALREADY_DONE"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NOT_ALLOWED = "NOT_ALLOWED"
    CYCLE = "CYCLE"
    DATES_OUT_OF_ORDER = "DATES_OUT_OF_ORDER"
    OVER_BUDGET = "OVER_BUDGET"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    WEAK_PASSWORD = "WEAK_PASSWORD"  # noqa: S105 (a code naming a refusal, not a secret)
    TOO_LARGE = "TOO_LARGE"


@strawberry.type(description="A mistake in a mutation's input; the mutation changed nothing.")
class UserError:
    field: str | None = strawberry.field(
        description="The input field concerned (a dotted path, e.g. `partners.0.budget`); "
                    "null when it concerns the input as a whole.")
    code: UserErrorCode = strawberry.field(description="What is wrong, as a stable code.")
    message: str = strawberry.field(description="What is wrong, for a person to read.")


@strawberry.type(description="What every mutation payload holds.")
class Payload:
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the mutation did nothing; empty when it did.")
    client_mutation_id: str | None = strawberry.field(
        default=None, description="The `clientMutationId` of the input, unchanged.")


class MutationInput(BaseModel):
    """The rules of a mutation's input; subclasses add their fields."""

    model_config = ConfigDict(str_strip_whitespace=True)

    client_mutation_id: str | None = Field(
        default=None, max_length=200,
        description="Any text the client chooses, returned unchanged in the payload.")


class StrawberryInput(Protocol):
    client_mutation_id: str | None

    def to_pydantic(self, **kwargs: Any) -> Any: ...


M = TypeVar("M", bound=MutationInput)

# pydantic's error types, as the codes a client can rely on
_CODES = {
    "missing": UserErrorCode.REQUIRED,
    "string_too_short": UserErrorCode.TOO_SHORT,
    "string_too_long": UserErrorCode.TOO_LONG,
    "too_short": UserErrorCode.TOO_SHORT,
    "too_long": UserErrorCode.TOO_MANY,
    "greater_than": UserErrorCode.OUT_OF_RANGE,
    "greater_than_equal": UserErrorCode.OUT_OF_RANGE,
    "less_than": UserErrorCode.OUT_OF_RANGE,
    "less_than_equal": UserErrorCode.OUT_OF_RANGE,
    "decimal_max_places": UserErrorCode.INVALID,
    "weak_password": UserErrorCode.WEAK_PASSWORD,
}


def validated(given: StrawberryInput) -> tuple[Any, list[UserError]]:
    """The input as its pydantic model, or None and the user errors saying why not."""
    try:
        return given.to_pydantic(), []
    except ValidationError as error:
        return None, [
            UserError(field=field_path(problem["loc"]),
                      code=_CODES.get(problem["type"], UserErrorCode.INVALID),
                      message=problem["msg"])
            for problem in error.errors()
        ]


def field_path(location: tuple[int | str, ...]) -> str | None:
    """A pydantic error location as the input field path a client sees (camelCase)."""
    parts = [to_camel_case(part) if isinstance(part, str) else str(part) for part in location]
    return ".".join(parts) or None


def user_error(field: str | None, code: UserErrorCode, message: str) -> list[UserError]:
    """A single user error, as the list a payload holds."""
    return [UserError(field=field, code=code, message=message)]


def require_viewer(info: strawberry.Info[Context, None]) -> str:
    """The signed-in viewer's user id; UNAUTHENTICATED for an anonymous request."""
    viewer_id = info.context.viewer_id
    if viewer_id is None:
        raise Unauthenticated("Sign in to do this.")
    return viewer_id


def new_id() -> str:
    """A fresh node id, chosen before the write so that a retried transaction reuses it."""
    return str(uuid.uuid4())


def refuse(outcome: str, what: str) -> None:
    """Raise the top-level error of a refusal outcome (`what` names the object concerned);
    return for any other outcome."""
    if outcome == "NOT_FOUND":
        raise NotFound(f"No {what} with this ID.")
    if outcome == "FORBIDDEN":
        raise Forbidden(f"You may not do this to this {what}.")


@dataclass(frozen=True)
class Reason:
    """The user error a write statement's outcome token stands for: the input field it
    concerns (None for the input as a whole), its code, and the message a person reads."""

    field: str | None
    code: UserErrorCode
    message: str


NO_REASONS: Mapping[str, Reason] = MappingProxyType({})


def outcome_errors(outcome: str, what: str,
                   reasons: Mapping[str, Reason] = NO_REASONS) -> list[UserError]:
    """The user errors of a write statement's outcome: none for 'DONE'; the top-level error
    of a refusal ('NOT_FOUND', 'FORBIDDEN') raised, `what` naming the object concerned; the
    user error of the outcome's `reasons` entry; and for an outcome without one that is itself
    a `UserErrorCode`, that code with a general message."""
    refuse(outcome, what)
    if outcome == "DONE":
        return []
    reason = reasons.get(outcome) or Reason(None, UserErrorCode[outcome],
                                            "This cannot be done.")
    return user_error(reason.field, reason.code, reason.message)


async def write_statement(context: Context, name: str, parameters: dict[str, Any],
                          **fragments: str) -> dict[str, Any]:
    """Run the write statement `cypher/queries/<name>` (its placeholders filled with
    `fragments`, code only) as the request's viewer (`$viewerId`) with `parameters`, and return
    its single record, at least its `outcome`. A statement that finds no viewer (an account
    deleted meanwhile) returns no record: NOT_FOUND. When the outcome is DONE, the `events` the
    statement returns are appended to the event log in the same transaction (app.event_log),
    and the process's event hub is told once it committed."""
    text = cypher.rendered(f"queries/{name}", **fragments)
    appended: list[int] = []

    async def record_events(tx: AsyncManagedTransaction, records: list[Record]) -> None:
        appended.clear()  # a retried transaction starts again
        if records and records[0].get("outcome") == "DONE" and records[0].get("events"):
            appended.append(await event_log.append(tx, context.viewer_id, records[0]["events"]))

    records = await context.db.write(text, {"viewerId": context.viewer_id, **parameters},
                                     then=record_events)
    if appended and context.hub is not None:
        context.hub.committed(appended[0])
    return dict(records[0]) if records else {"outcome": "NOT_FOUND"}
