"""One execution of a subscription's selection per event, shared by the subscribers who asked
the same thing.

A thousand subscribers of one event used to run the same selection a thousand times. When the
selection reads only the event's own fields (`seq`, `type`, `at`, `subjectType`, `subjectId`,
`payload`, `__typename`), nothing in its result depends on who asks: the first subscriber's
execution is kept on the event (each event's `Event` object is one for all its subscribers of
the process, `Event.of`) and the others receive it. A selection that reads `subject` or `actor`
(resolved with the subscriber's access) is executed for each subscriber, as before.
"""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, OperationDefinitionNode, OperationType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

SHAREABLE_FIELDS = frozenset({"seq", "type", "at", "subjectType", "subjectId", "payload",
                              "__typename"})


def _shareable(operation: OperationDefinitionNode) -> bool:
    """Whether the subscription's one root field selects only the event's own fields (no
    fragments, no directives)."""
    roots = operation.selection_set.selections
    if operation.operation != OperationType.SUBSCRIPTION or len(roots) != 1:
        return False
    root = roots[0]
    if not isinstance(root, FieldNode) or root.directives or root.selection_set is None:
        return False
    return all(isinstance(field, FieldNode) and not field.directives
               and field.selection_set is None and field.name.value in SHAREABLE_FIELDS
               for field in root.selection_set.selections)


class SharedEventExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor, answering a shareable subscription selection once per event."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        results: dict[int, tuple[OperationDefinitionNode, Any]] | None = getattr(
            self.root_value, "shared_results", None)
        operation = self.operation
        if results is None or not _shareable(operation):
            return super().execute_operation(serially)
        found = results.get(id(operation))
        if found is not None and found[0] is operation:
            return found[1]
        result = super().execute_operation(serially)
        if not self.is_awaitable(result):  # the event's own fields resolve at once
            results[id(operation)] = (operation, result)
        return result
