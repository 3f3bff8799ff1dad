"""API errors with an `extensions.code`, and the rule that masks everything else.

A resolver raises one of these for a top-level error; mistakes that a person can correct in a
mutation go into the payload's `userErrors` instead. Any other exception reaches the client as
INTERNAL with no details (they are logged).
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)


class ApiError(Exception):
    """An error meant for the client; its message is safe to show."""

    code = "INTERNAL"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.extensions = {"code": self.code, **extensions}


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"


class NotFound(ApiError):
    code = "NOT_FOUND"


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class Unavailable(ApiError):
    code = "UNAVAILABLE"


class RequestTimedOut(Unavailable):
    """The request ran out of time (REQUEST_TIMEOUT): its statements were ended in Neo4j."""

    def __init__(self) -> None:
        super().__init__("The request took longer than its time limit and was stopped; ask "
                         "for less, or try again shortly.", reason="TIMEOUT")


class RateLimited(ApiError):
    """Too many attempts; `extensions.retryAfter` says in how many seconds to try again."""

    code = "RATE_LIMITED"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, retryAfter=retry_after)


# A transaction ended from outside: Neo4j shutting down (or an operator's TERMINATE) stops
# the transaction's lock client, whatever the statement was doing.
TERMINATED_FROM_OUTSIDE = frozenset({"Neo.ClientError.Transaction.LockClientStopped",
                                     "Neo.ClientError.Transaction.Terminated"})


def database_unavailable(error: BaseException) -> bool:
    """Whether an error means Neo4j cannot serve now (unreachable, busy, shutting down,
    retries spent), as opposed to a fault of the statement itself."""
    if isinstance(error, ServiceUnavailable | SessionExpired | TransientError):
        return True
    if isinstance(error, ClientError):
        return error.code in TERMINATED_FROM_OUTSIDE
    return isinstance(error, DriverError) or (
        isinstance(error, Neo4jError) and error.is_retryable())


def client_error(error: GraphQLError) -> GraphQLError | None:
    """The error as the client may see it, or None when it must be masked as INTERNAL."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        # syntax and validation errors are about the query itself; a wrapped GraphQLError is
        # a variable that does not fit its type (an unknown enum value, a malformed date)
        return GraphQLError(error.message, nodes=error.nodes, path=error.path,
                            extensions={"code": BadUserInput.code, **(error.extensions or {})})
    if isinstance(original, ApiError):
        return GraphQLError(
            str(original), nodes=error.nodes, path=error.path, extensions=original.extensions
        )
    if database_unavailable(original):
        return GraphQLError(
            "The database is unavailable; try again shortly.",
            nodes=error.nodes,
            path=error.path,
            extensions={"code": Unavailable.code},
        )
    return None
