"""Answers made outside GraphQL execution (refusals of the HTTP layer, the plain routes), in the
shape of a GraphQL error body: `{"data": null, "errors": [{"message", "extensions": {"code"}}]}`,
so that a client reads every refusal the same way.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from app.errors import ApiError, Unavailable, database_unavailable

UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly."


def error_response(status: int, code: str, message: str, **extensions: Any) -> JSONResponse:
    """An error answered outside GraphQL execution, in the shape of a GraphQL error body."""
    return JSONResponse({"data": None, "errors": [{"message": message, "extensions": {
        "code": code, **extensions}}]}, status_code=status)


def api_error_response(status: int, error: ApiError) -> JSONResponse:
    """`error_response` for an ApiError: its message, code and other extensions."""
    extensions = {key: value for key, value in error.extensions.items() if key != "code"}
    return error_response(status, error.extensions["code"], str(error), **extensions)


def unavailable_response(error: BaseException) -> JSONResponse | None:
    """503 UNAVAILABLE when `error` means Neo4j (or the identity provider) cannot serve now,
    out of time included (`reason: TIMEOUT`), as /graphql says it in its error; None for any
    other error."""
    if isinstance(error, Unavailable):
        return api_error_response(503, error)
    if database_unavailable(error):
        return error_response(503, Unavailable.code, UNAVAILABLE_MESSAGE)
    return None


def credentials_response(refusal: Exception) -> JSONResponse:
    """The answer to a request whose credentials could not be accepted: 503 when they could
    not be checked (Neo4j away or out of time), 401 when they were refused; any other error
    is raised again (unexpected)."""
    unavailable = unavailable_response(refusal)
    if unavailable is not None:
        return unavailable
    if isinstance(refusal, ApiError):
        return api_error_response(401, refusal)
    raise refusal
