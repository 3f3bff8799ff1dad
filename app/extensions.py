"""Schema extensions: error shaping, production's validation rules, kept validations and
per-request Cypher statistics."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule, specified_rules
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from app.context import Context
from app.errors import client_error
from app.kept import Kept
from app.logs import request_id
from app.query_limits import DOCUMENTS_KEPT
from app.settings import Settings

logger = logging.getLogger("app.graphql")


class ErrorShaping(SchemaExtension):
    """Errors meant for clients keep their message and code; the rest become INTERNAL.

    The original of a masked error is logged with its traceback and never returned; the
    INTERNAL error carries the request id (`extensions.requestId`) that its log lines carry.
    In production, messages do not suggest names ("Did you mean ...?"): they would reveal
    the schema that introspection, off there, does not.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = self._for_client(result.errors)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        """Each result a subscription delivers (its refusal by validation too), shaped the
        same way."""
        if getattr(result, "errors", None):
            result.errors = self._for_client(result.errors)
        yield

    def _for_client(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        visible = shaped(errors)
        if _in_production(self.execution_context.context):
            for error in visible:
                error.message = without_suggestions(error.message)
        return visible


def shaped(errors: list[GraphQLError]) -> list[GraphQLError]:
    """The errors as clients may see them; the original of each masked one is logged."""
    visible_errors: list[GraphQLError] = []
    for error in errors:
        visible = client_error(error)
        if visible is None:
            logger.error("unexpected error", exc_info=error.original_error,
                         extra={"graphqlPath": error.path})
            current = request_id.get()
            visible = GraphQLError("Unexpected error.", nodes=error.nodes, path=error.path,
                                   extensions={"code": "INTERNAL", **(
                                       {"requestId": current} if current else {})})
        visible_errors.append(visible)
    return visible_errors


# graphql-core ends a message with its suggestions: " Did you mean 'name'?" (or a list).
_SUGGESTION = re.compile(r"\s*Did you mean .*\?\s*$", re.DOTALL)


def without_suggestions(message: str) -> str:
    """`message` without graphql-core's "Did you mean ...?" suggestions."""
    return _SUGGESTION.sub("", message)


def _in_production(context: Any) -> bool:
    return isinstance(context, Context) and context.settings.env == "production"


class ProductionValidation(SchemaExtension):
    """Introspection (`__schema`, `__type`) refused in production, where a client has no
    business exploring the schema (it is published as schema.graphql); `__typename` stays."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        if _in_production(context):
            self.execution_context.validation_rules = validation_rules(context.settings)
        yield


def validation_rules(settings: Settings) -> tuple[type[ASTValidationRule], ...]:
    """The rules a document is validated against: strawberry's (graphql-core's specified
    rules), with ProductionValidation's in production."""
    if settings.env == "production":
        return (*specified_rules, NoSchemaIntrospectionCustomRule)
    return tuple(specified_rules)


# Validations kept (app/kept.py), one per document the parser keeps (app/query_limits.py).
_validations: Kept[list[GraphQLError]] = Kept(DOCUMENTS_KEPT)


class KeptValidation(SchemaExtension):
    """A document's validation errors (none, mostly) kept for the next request of the same
    parsed document, schema and rules, as strawberry's ValidationCache keeps them, but found
    by the objects' identity: ValidationCache's key hashes the document, and graphql-core's
    nodes hash by walking their whole tree on every request (9-23 us for a page's query)."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        schema, document, rules = (context.schema._schema, context.graphql_document,
                                   context.validation_rules)
        if document is not None and rules:
            context.pre_execution_errors = validation_errors(schema, document, rules)
        yield


def validation_errors(schema: GraphQLSchema, document: DocumentNode,
                      rules: tuple[type[ASTValidationRule], ...]) -> list[GraphQLError]:
    """The document's validation errors under `rules`, kept (see KeptValidation)."""
    return _validations.get((schema, document, *rules), None,
                            lambda: validate_document(schema, document, rules))


class QueryStatistics(SchemaExtension):
    """Adds `extensions.cypher` (round trips, their time, whether the operation was compiled)
    outside production."""

    def get_results(self) -> dict[str, Any]:
        context = self.execution_context.context
        return cypher_statistics(context) if isinstance(context, Context) else {}


def cypher_statistics(context: Context) -> dict[str, Any]:
    """A request's `extensions.cypher`, when the settings show it."""
    if not context.settings.query_stats_enabled:
        return {}
    return {"cypher": {"roundTrips": context.stats.round_trips,
                       "milliseconds": round(context.stats.seconds * 1000, 2),
                       "compiled": context.stats.compiled}}


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
