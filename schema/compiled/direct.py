"""A compiled query answered directly, without strawberry's per-request machinery.

For every request strawberry builds its request and response objects, an execution context,
the schema's eight extensions and their hooks for four phases, and graphql-core's execution:
about 0.4 ms of the 1 ms of Python a profile page costs at one client (benchmarks/results.md).
A query that compiles needs none of it: its answer is its compiled statements' record. So
for a POST of a JSON operation, app/graphql.py builds the request's context as for any
request, then asks this module, in the whole way's order and with the same functions and
what they keep: `asked` finds the text (a persisted query's by its hash,
app/persisted_queries.py), parses it within the token limit and measures it
(app/query_limits.py); once the budget is known to cover the cost, `compiled` validates it
with the environment's rules (app/extensions.py), coerces the variables (graphql-core's
executor, built as for execution) and finds the compiled operation
(schema/compiled/executor.py). The request is then charged, read and answered through
strawberry's own result processing: the answer, its headers, its log line and metrics are
those of the whole way.

Anything else goes the whole way with the context already built, which answers it or refuses
it as it always has: an operation that is not a query, does not parse, is over a limit,
invalid, or does not compile; a dry run or another extension; credentials refused; a budget
that falls short; anything these checks cannot make out (the whole way meets it too, and
answers it as every error); and a compiled read that gives up (a lookup that finds nothing,
an error), which is charged only once it has answered, so the whole way charges it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import DocumentNode, GraphQLSchema, OperationType, get_operation_ast

from app.extensions import validation_errors, validation_rules
from app.kept import Kept
from app.limits import Analysis
from app.persisted_queries import PersistedQueries, learned
from app.query_limits import measure, parse_within_limits
from app.settings import Settings
from schema.compiled.executor import COMPILED_KEPT, CompilingExecutor, compiled_operation
from schema.compiled.planning import CompiledOperation

# What a request's `extensions` may hold for a direct answer: a persisted query's hash.
DIRECT_EXTENSIONS = frozenset({"persistedQuery"})


@dataclass
class Asked:
    """A request's query: its document, operation, variables and measure."""

    document: DocumentNode
    operation_name: str | None  # the name the whole way logs: asked for, else the document's
    asked_name: str | None  # the name the request gave (None: the document's only one)
    variables: dict[str, Any] | None
    analysis: Analysis  # its measure: what it costs
    learned: str | None  # a text sent with its hash: kept once it has run


def asked(schema: Any, settings: Settings, persisted: PersistedQueries,
          body: object) -> Asked | None:
    """The query a request's JSON body asks, parsed and measured; None when the request must
    go the whole way (see the module's description)."""
    if not isinstance(body, dict):
        return None
    query, variables = body.get("query"), body.get("variables")
    name, extensions = body.get("operationName"), body.get("extensions")
    if not (isinstance(query, str | None) and isinstance(variables, dict | None)
            and isinstance(name, str | None) and isinstance(extensions, dict | None)
            and DIRECT_EXTENSIONS.issuperset(extensions or ())):
        return None
    try:
        text = persisted.resolve(query, extensions)
        if text is None:
            return None
        document = parse_within_limits(text, settings.max_query_tokens)
        operation = get_operation_ast(document, name)
        if operation is None or operation.operation != OperationType.QUERY:
            return None
        # measured under the name the whole way measures it by (and keeps the measure)
        operation_name = operation.name.value if operation.name is not None else None
        analysis = measure(schema._schema, document, operation_name, variables, settings)
    except Exception:  # refused, or not to be made out here: the whole way answers it
        return None
    if analysis is None:
        return None
    return Asked(document, operation_name, name, variables, analysis, learned(query, extensions))


# What validation, the variables and compiling found, kept (app/kept.py) for the same schema,
# document, settings, operation and variables: a compiled operation, or None when the request
# goes the whole way. They depend on nothing else but the statements known to the process
# (executor.KNOWN), which only grow: a query refused room is refused it again.
_compiled_queries: Kept[CompiledOperation | None] = Kept(COMPILED_KEPT)


def compiled(schema: Any, settings: Settings, query: Asked) -> CompiledOperation | None:
    """The query's compiled operation, valid, its variables coerced, its statements among the
    known ones; None when it goes the whole way."""
    core = schema._schema
    try:
        return _compiled_queries.get(
            (core, query.document, settings), (query.asked_name, query.variables),
            lambda: _validated_and_compiled(core, query, settings))
    except Exception:  # not to be made out here: the whole way answers it
        return None


def _validated_and_compiled(schema: GraphQLSchema, query: Asked,
                            settings: Settings) -> CompiledOperation | None:
    if validation_errors(schema, query.document, validation_rules(settings)):
        return None
    executor = CompilingExecutor.build(schema, query.document,
                                       raw_variable_values=query.variables,
                                       operation_name=query.asked_name)
    if isinstance(executor, list):
        return None
    return compiled_operation(executor, settings)
