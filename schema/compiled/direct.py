"""A compiled query answered directly, without strawberry's per-request machinery.

For every request strawberry builds its request and response objects, an execution context,
the schema's eight extensions and their hooks for four phases, and graphql-core's execution:
about 0.4 ms of the 1 ms of Python a profile page costs at one client (benchmarks/results.md).
A query that compiles needs none of it: its answer is its compiled statements' record. So
for a POST of a JSON operation, `prepare` checks the operation as the schema's extensions
would, with the same functions and what they keep: the text (a persisted query's found by
its hash, app/persisted_queries.py), parsing within the token limit and the measure
(app/query_limits.py), validation with the environment's rules (app/extensions.py), the
variables (graphql-core's executor, built as for execution), and finds the compiled
operation (schema/compiled/executor.py). app/graphql.py then builds the request's context
as for any request, spends the cost, runs the statements and answers through strawberry's
own result processing: the answer, its headers, its log line and metrics are those of the
whole way.

Anything else goes the whole way, which answers it or refuses it as it always has: an
operation that is not a query, does not parse, is over a limit, invalid, or does not
compile; a dry run or another extension; credentials refused; a budget that falls short;
and a compiled read that gives up (a lookup that finds nothing, an error): its context goes
along, and the points it spent are given back first, so the operation is charged once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, OperationType

from app.errors import ApiError
from app.extensions import validation_errors, validation_rules
from app.kept import Kept
from app.limits import Analysis
from app.persisted_queries import PersistedQueries
from app.query_limits import measure, parse_within_limits
from app.settings import Settings
from schema.compiled.executor import COMPILED_KEPT, KNOWN, CompilingExecutor, compiled_operation
from schema.compiled.planning import CompiledOperation

# What a request's `extensions` may hold for a direct answer: a persisted query's hash.
DIRECT_EXTENSIONS = frozenset({"persistedQuery"})


@dataclass
class Prepared:
    """A query checked and compiled, ready to run for the request's context."""

    operation_name: str | None
    analysis: Analysis  # its measure: what it costs
    compiled: CompiledOperation
    learned: str | None = None  # a text sent with its hash: kept once it has run


# What the checks found, kept (app/kept.py) for the same schema, document, settings, operation
# and variables, on which alone they depend; None: the request goes the whole way.
_prepared: Kept[Prepared | None] = Kept(COMPILED_KEPT)


def prepare(schema: Any, settings: Settings, persisted: PersistedQueries,
            body: object) -> Prepared | None:
    """The compiled query of a request's JSON body, checked; None when the request must go
    the whole way (see the module's description)."""
    if not isinstance(body, dict):
        return None
    query, variables = body.get("query"), body.get("variables")
    name, extensions = body.get("operationName"), body.get("extensions")
    if not (isinstance(query, str | None) and isinstance(variables, dict | None)
            and isinstance(name, str | None) and isinstance(extensions, dict | None)
            and DIRECT_EXTENSIONS.issuperset(extensions or ())):
        return None
    core = schema._schema
    try:
        text = persisted.resolve(query, extensions)
        if text is None:
            return None
        document = parse_within_limits(text, settings.max_query_tokens)
    except (ApiError, GraphQLError):
        return None
    prepared = _prepared.get((core, document, settings), (name, variables),
                             lambda: _checked(core, document, name, variables, settings))
    if prepared is None or not KNOWN.admit(prepared.compiled, settings.compiled_statements_max):
        return None
    if extensions and extensions.get("persistedQuery") is not None and query is not None:
        return replace(prepared, learned=query)
    return prepared


def _checked(schema: GraphQLSchema, document: DocumentNode, name: str | None,
             variables: dict[str, Any] | None, settings: Settings) -> Prepared | None:
    """The measure, validation, variables and compilation of an operation, as the schema's
    extensions and executor find them; None at the first that does not pass."""
    try:
        analysis = measure(schema, document, name, variables, settings)
    except (ApiError, GraphQLError):
        return None
    if analysis is None or validation_errors(schema, document, validation_rules(settings)):
        return None
    executor = CompilingExecutor.build(schema, document, raw_variable_values=variables,
                                       operation_name=name)
    if isinstance(executor, list) or executor.operation.operation != OperationType.QUERY:
        return None
    compiled = compiled_operation(executor, settings)
    if compiled is None:
        return None
    # the name the whole way logs: the one asked for, else the document's operation's own
    named = executor.operation.name
    return Prepared(named.value if named is not None else None, analysis, compiled)
