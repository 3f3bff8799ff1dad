"""The schema extension that holds every operation to the limits before it runs.

Parsing stops at `max_query_tokens` tokens (and as many comments); app/limits.py then measures
the document, before graphql-core validates it, and refuses it over a limit; the rate limit
(app/rate_limit.py) charges its cost, refusing it when the budget falls short. A refused
operation runs nothing: its answer is the refusal alone, with `extensions.code`, and it costs
a point, so that a client repeating refused documents runs out of budget like any other. An
operation that runs gets `extensions.cost`. A document that does not parse, and a request
whose credentials are refused, cost a point too. A request whose `extensions` hold
`"dryRun": true` is measured (and refused when over a limit) but not run, and costs one point: its
answer is the cost.

Parsed documents are kept for the texts seen most recently, as strawberry's ParserCache does,
with the token limit in the key; so are their measures, with the operation and the variables.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLSchema, GraphQLSyntaxError, parse
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from app.context import Context
from app.errors import ApiError
from app.kept import Kept
from app.limits import Analysis, QueryTooComplex, analyse
from app.rate_limit import Budget
from app.settings import Settings, get_settings

# Parsed documents kept (see schema/__init__.py: the same bound as validated ones).
DOCUMENTS_KEPT = 256


@lru_cache(maxsize=DOCUMENTS_KEPT)
def _parse(query: str, max_tokens: int) -> DocumentNode:
    return parse(query, max_lexical_tokens=max_tokens, max_comments=max_tokens)


def parse_within_limits(query: str, max_tokens: int) -> DocumentNode:
    """The document of `query`; QueryTooComplex when it holds more than `max_tokens` tokens
    (or comments) or nests too deeply to parse."""
    try:
        return _parse(query, max_tokens)
    except GraphQLSyntaxError as error:
        if "Parsing aborted" not in error.message:
            raise
        raise QueryTooComplex(
            error.message.removeprefix("Syntax Error: ") + f" At most {max_tokens} tokens "
            "are accepted.", limit=max_tokens) from None


# The measures kept (app/kept.py).
MEASURES_KEPT = 1024
_measures: Kept[Analysis | None] = Kept(MEASURES_KEPT)


def measure(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
            variables: Mapping[str, Any] | None, settings: Settings) -> Analysis | None:
    """`analyse`, kept for the same schema, document, operation, variables and settings (a
    refusal is not kept: it is measured again)."""
    return _measures.get((schema, document, settings), (operation_name, variables),
                         lambda: analyse(schema, document, operation_name, variables, settings))


class QueryLimits(SchemaExtension):
    """Token limit at parsing, the measure and the rate limit before validation, the dry run
    before execution, `extensions.cost` after it."""

    analysis: Analysis | None = None
    remaining: int | None = None

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            try:
                context.graphql_document = parse_within_limits(
                    context.query, self._settings().max_query_tokens)
            except (ApiError, GraphQLSyntaxError):
                self._charge_refusal()
                raise
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        request = self._request_context()
        if context.graphql_document is not None:
            try:
                self.analysis = measure(context.schema._schema, context.graphql_document,
                                        context.operation_name, context.variables,
                                        self._settings())
            except ApiError:
                self._charge_refusal()
                raise
            budget = request.budget if request is not None else None
            if budget is not None:
                # a dry run costs a point, like a refusal: measuring is work too; so does a
                # request whose credentials were refused (charged to its address), or one
                # naming no operation to run, which validation walks all the same
                runs = (self.analysis is not None and not self._dry_run()
                        and request is not None and request.refusal is None)
                spent = self.analysis.cost if runs and self.analysis is not None else 1
                self.remaining = budget.spend(spent).remaining
        yield

    def on_execute(self) -> Iterator[None]:
        if self._dry_run() and self.analysis is not None:
            # answered with its cost alone: nothing runs
            self.execution_context.result = ExecutionResult(data=None, errors=None)
        yield

    def get_results(self) -> dict[str, Any]:
        if self.analysis is None:
            return {}
        request = self._request_context()
        return cost_results(self.analysis, self._settings(),
                            request.budget if request is not None else None, self._dry_run())

    def _charge_refusal(self) -> None:
        """Spend a point for a refused document (RateLimited instead when none remains)."""
        request = self._request_context()
        if request is not None and request.budget is not None:
            request.budget.spend(1)

    def _dry_run(self) -> bool:
        extensions = self.execution_context.operation_extensions or {}
        return extensions.get("dryRun") is True

    def _request_context(self) -> Context | None:
        context = self.execution_context.context
        return context if isinstance(context, Context) else None

    def _settings(self) -> Settings:
        request = self._request_context()
        return request.settings if request is not None else get_settings()


def cost_results(analysis: Analysis, settings: Settings, budget: Budget | None,
                 dry_run: bool = False) -> dict[str, Any]:
    """An operation's `extensions.cost` (and `dryRun`): what it asked for, and where its
    budget stands now."""
    cost: dict[str, Any] = {"requested": analysis.cost, "nodes": analysis.nodes,
                            "nodeLimit": settings.max_query_nodes}
    if budget is not None:
        standing = budget.limiter.standing(budget.key)
        cost.update(limit=standing.limit, remaining=standing.remaining,
                    resetSeconds=standing.reset_seconds)
    results: dict[str, Any] = {"cost": cost}
    if dry_run:
        results["dryRun"] = True
    return results
