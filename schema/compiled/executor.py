"""The executor that tries compiled execution first (see schema/compiled/__init__.py)."""

from __future__ import annotations

import logging
from typing import Any

import neo4j.exceptions
from graphql import OperationType

from app.context import Context
from app.errors import ApiError
from app.kept import Kept
from app.settings import Settings
from schema.compiled.planning import CompiledOperation, Compiler
from schema.compiled.values import NotCompilable
from schema.events.sharing import SharedEventExecutor

logger = logging.getLogger(__name__)


class KnownStatements:
    """The statement texts this process has compiled, at most COMPILED_STATEMENTS_MAX.

    A compiled statement follows its query's selection, so clients choose its text, and Neo4j
    plans each new text anew (seconds for a deep one) and keeps a bounded number of plans.
    Beyond the bound a query of a new shape runs field by field, whose few statements are
    planned once: the pages a front end asks again and again keep compiling, a client
    inventing shapes cannot make Neo4j plan without end."""

    def __init__(self) -> None:
        self.texts: set[str] = set()

    def admit(self, operation: CompiledOperation, limit: int) -> bool:
        """Whether the operation's statements may be sent (known, or room for them)."""
        new = {read.text for read in operation.reads if read.text is not None} - self.texts
        if len(self.texts) + len(new) > limit:
            return False
        self.texts |= new
        return True


KNOWN = KnownStatements()
# Compiled operations kept (app/kept.py): compiling one depends only on the schema, the
# operation (of a parsed document the parser cache keeps), the variables and the settings;
# what a request adds (the viewer, the database) is given when it runs. None: not compilable.
COMPILED_KEPT = 1024
_compiled: Kept[CompiledOperation | None] = Kept(COMPILED_KEPT)


def _compile(executor: Any, settings: Settings) -> CompiledOperation | None:
    try:
        return Compiler(executor, settings).operation()
    except NotCompilable as reason:
        logger.debug("not compiled: %s", reason)
        return None


def compiled_operation(executor: Any, settings: Settings) -> CompiledOperation | None:
    """The compiled operation of an executor's query (graphql-core's, built for the request:
    its operation, fragments and coerced variables), kept or compiled now; None when it does
    not compile, when compiled execution is off, or when its statements find no room among
    the known ones."""
    if executor.operation.operation != OperationType.QUERY or not settings.compiled_execution:
        return None
    # graphql-core's VariableValues, or a plain mapping of the coerced values
    variables = getattr(executor.variable_values, "coerced", executor.variable_values)
    compiled = _compiled.get((executor.schema, executor.operation, settings), variables,
                             lambda: _compile(executor, settings))
    if compiled is None or not KNOWN.admit(compiled, settings.compiled_statements_max):
        return None
    return compiled


class CompilingExecutor(SharedEventExecutor):
    """The schema's executor, answering a compilable query in one statement per root field
    and any other operation (or a compiled one that must give up) the normal way."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        context = self.context_value
        compiled = (compiled_operation(self, context.settings)
                    if isinstance(context, Context) and context.compiles else None)
        if compiled is None:
            return super().execute_operation(serially)

        async def run() -> Any:
            data = await compiled_answer(compiled, context)
            return await normally() if data is None else self.build_response(data)

        async def normally() -> Any:
            normal = super(CompilingExecutor, self).execute_operation(serially)
            return await normal if self.is_awaitable(normal) else normal

        return run()


async def compiled_answer(compiled: CompiledOperation, context: Context) -> dict[str, Any] | None:
    """The operation's `data`, read by its compiled statements; None when the normal path
    must answer (it gave up, or met an error, which the normal path meets and answers as it
    answers every error)."""
    try:
        data = await compiled.run(context)
    except NotCompilable as reason:
        logger.debug("compiled execution gave up: %s", reason)
        return None
    except (ApiError, neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
        # Neo4j unreachable, out of time, a value it refuses
        return None
    except Exception:
        logger.warning("compiled execution failed; answered field by field", exc_info=True)
        return None
    context.stats.compiled = True
    return data
