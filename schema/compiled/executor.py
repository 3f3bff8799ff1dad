"""The executor that tries compiled execution first (see schema/compiled/__init__.py)."""

from __future__ import annotations

import logging
from typing import Any

from graphql import OperationType

from app.context import Context
from schema.compiled.planning import Compiler
from schema.compiled.values import NotCompilable
from schema.events.sharing import SharedEventExecutor

logger = logging.getLogger(__name__)


class CompilingExecutor(SharedEventExecutor):
    """The schema's executor, answering a compilable query in one statement per root field
    and any other operation (or a compiled one that must give up) the normal way."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        context = self.context_value
        if (self.operation.operation != OperationType.QUERY or not isinstance(context, Context)
                or not context.settings.compiled_execution):
            return super().execute_operation(serially)
        try:
            compiled = Compiler(self).operation()
        except NotCompilable as reason:
            logger.debug("not compiled: %s", reason)
            return super().execute_operation(serially)

        async def run() -> Any:
            try:
                data = await compiled.run(context)
            except NotCompilable as reason:
                logger.debug("compiled execution gave up: %s", reason)
                normal = super(CompilingExecutor, self).execute_operation(serially)
                return await normal if self.is_awaitable(normal) else normal
            context.stats.compiled = True
            return self.build_response(data)

        return run()
