"""Schema extensions: error shaping and per-request Cypher statistics."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension

from app.context import Context
from app.errors import client_error

logger = logging.getLogger("app.graphql")


class ErrorShaping(SchemaExtension):
    """Errors meant for clients keep their message and code; the rest become INTERNAL.

    The original of a masked error is logged with its traceback and never returned.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = shaped(result.errors)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        """Each event a subscription delivers, shaped the same way."""
        if getattr(result, "errors", None):
            result.errors = shaped(result.errors)
        yield


def shaped(errors: list[GraphQLError]) -> list[GraphQLError]:
    """The errors as clients may see them; the original of each masked one is logged."""
    visible_errors: list[GraphQLError] = []
    for error in errors:
        visible = client_error(error)
        if visible is None:
            logger.error("unexpected error", exc_info=error.original_error)
            visible = GraphQLError("Unexpected error.", nodes=error.nodes, path=error.path,
                                   extensions={"code": "INTERNAL"})
        visible_errors.append(visible)
    return visible_errors


class QueryStatistics(SchemaExtension):
    """Adds `extensions.cypher` (round trips and their time) outside production."""

    def get_results(self) -> dict[str, Any]:
        context = self.execution_context.context
        if not isinstance(context, Context) or not context.settings.query_stats_enabled:
            return {}
        return {"cypher": {"roundTrips": context.stats.round_trips,
                           "milliseconds": round(context.stats.seconds * 1000, 2)}}


class Authentication(SchemaExtension):
    """A request whose credentials were refused gets that refusal as its only error (data
    null, HTTP 200) and runs nothing: never the anonymous answer."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        refusal = context.refusal if isinstance(context, Context) else None
        if refusal is not None:
            self.execution_context.result = ExecutionResult(
                data=None, errors=[GraphQLError(str(refusal), original_error=refusal)])
        yield
