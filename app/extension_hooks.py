"""The schema extensions' hooks found once per extension class, not on every request.

strawberry makes new extensions for each operation (app/extensions.py and the others the
schema names) and, for each of the four phases an operation goes through (operation,
parsing, validation, execution), looks up every extension's hook anew: it finds the hook on
the class, asks `inspect` what kind of function it is and wraps it, bound to the extension,
in a new context-manager function: 32 lookups a request for the schema's eight extensions,
ten of them hooks inspected and wrapped. What a class's hook is never changes, so
`KnownHooksSchema` finds it once per class and phase, and a request only binds it to its
extension. Hooks run as strawberry runs them, in the same order, entered and
left by strawberry's own context managers; a hook that is neither a generator nor an
asynchronous generator (a plain function) is left to strawberry's own lookup.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable
from enum import Enum
from typing import Any

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    ExtensionContextManagerBase,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.types import ExecutionContext


class Lookup(Enum):
    """What `hook_of` finds when there is no hook to wrap: none (strawberry's default), or a
    plain function, left to strawberry's own lookup."""

    NO_HOOK = "no hook"
    STRAWBERRYS = "strawberry's lookup"


# A class's hook for a phase: a Lookup, or a context-manager factory taking the extension and
# whether the hook is asynchronous.
Found = Lookup | tuple[Callable[[SchemaExtension], Any], bool]


_found: dict[tuple[type[SchemaExtension], str], Found] = {}


def hook_of(extension_class: type[SchemaExtension], phase: str) -> Found:
    """What `extension_class` does in `phase` (a hook name such as "on_operation"), found
    once (the schema's extension classes are few and fixed)."""
    key = (extension_class, phase)
    found = _found.get(key)
    if found is None:
        hook = getattr(extension_class, phase)
        if hook is getattr(SchemaExtension, phase):
            found = Lookup.NO_HOOK
        elif inspect.isgeneratorfunction(hook):
            found = contextlib.contextmanager(hook), False
        elif inspect.isasyncgenfunction(hook):
            found = contextlib.asynccontextmanager(hook), True
        else:
            found = Lookup.STRAWBERRYS
        _found[key] = found
    return found


class _KnownHooks(ExtensionContextManagerBase):
    """A phase's context manager whose hooks come from `hook_of`."""

    def get_hook(self, extension: SchemaExtension) -> WrappedHook | None:
        found = hook_of(type(extension), self.HOOK_NAME)
        if found is Lookup.NO_HOOK:
            return None
        if found is Lookup.STRAWBERRYS:
            return super().get_hook(extension)
        factory, is_async = found
        return WrappedHook(extension=extension, hook=functools.partial(factory, extension),
                           is_async=is_async)


class _Operation(_KnownHooks, OperationContextManager):
    pass


class _Validation(_KnownHooks, ValidationContextManager):
    pass


class _Parsing(_KnownHooks, ParsingContextManager):
    pass


class _Executing(_KnownHooks, ExecutingContextManager):
    pass


class KnownHooksRunner(SchemaExtensionsRunner):
    """strawberry's runner of the extensions' hooks, with the hooks from `hook_of`."""

    def operation(self) -> OperationContextManager:
        return _Operation(self.extensions)

    def validation(self) -> ValidationContextManager:
        return _Validation(self.extensions)

    def parsing(self) -> ParsingContextManager:
        return _Parsing(self.extensions)

    def executing(self) -> ExecutingContextManager:
        return _Executing(self.extensions)


class KnownHooksSchema(strawberry.Schema):
    """strawberry's Schema, its extensions' hooks run by `KnownHooksRunner`."""

    def create_extensions_runner(self, execution_context: ExecutionContext,
                                 extensions: list[SchemaExtension]) -> SchemaExtensionsRunner:
        return KnownHooksRunner(execution_context=execution_context, extensions=extensions)
