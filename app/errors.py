"""API errors with an `extensions.code`, and the rule that masks everything else.

A resolver raises one of these for a top-level error; mistakes that a person can correct in a
mutation go into the payload's `userErrors` instead. Any other exception reaches the client as
INTERNAL with no details (they are logged).
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from neo4j.exceptions import ServiceUnavailable, SessionExpired


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


class Unavailable(ApiError):
    code = "UNAVAILABLE"


DATABASE_UNAVAILABLE = (ServiceUnavailable, SessionExpired)


def client_error(error: GraphQLError) -> GraphQLError | None:
    """The error as the client may see it, or None when it must be masked as INTERNAL."""
    original = error.original_error
    if original is None:  # syntax and validation errors are about the query itself
        return error
    if isinstance(original, ApiError):
        return GraphQLError(
            str(original), nodes=error.nodes, path=error.path, extensions=original.extensions
        )
    if isinstance(original, DATABASE_UNAVAILABLE):
        return GraphQLError(
            "The database is unavailable; try again shortly.",
            nodes=error.nodes,
            path=error.path,
            extensions={"code": Unavailable.code},
        )
    return None
