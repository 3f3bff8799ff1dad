"""The schema extensions' hooks found once per class (app/extension_hooks.py) run as
strawberry runs them: every kind of hook, in the same order, on the request's own extension,
an error inside one reaching the answer as it would."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import strawberry
from strawberry.extensions import SchemaExtension

from app.extension_hooks import KnownHooksSchema


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "hello"


class Recording(SchemaExtension):
    """Records each phase it enters and leaves, under its instance's number."""

    made = 0
    events: list[str] = []

    def __init__(self) -> None:
        super().__init__()
        Recording.made += 1
        self.number = Recording.made

    def on_operation(self) -> Iterator[None]:
        self.events.append(f"{self.number} operation in")
        yield
        self.events.append(f"{self.number} operation out")

    async def on_parse(self) -> AsyncIterator[None]:
        self.events.append(f"{self.number} parse in")
        yield
        self.events.append(f"{self.number} parse out")

    def on_validate(self) -> None:  # type: ignore[override]  # a plain function, run on entering
        self.events.append(f"{self.number} validate")

    def on_execute(self) -> Iterator[None]:
        self.events.append(f"{self.number} execute in")
        yield
        self.events.append(f"{self.number} execute out")


class Second(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        Recording.events.append("second operation in")
        yield
        Recording.events.append("second operation out")


class Failing(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        raise ValueError("refused by an extension")
        yield  # a generator hook


async def recorded(schema_class: type[strawberry.Schema]) -> list[str]:
    Recording.made, Recording.events = 0, []
    schema = schema_class(query=Query, extensions=[Recording, Second])
    for _ in range(2):
        result = await schema.execute("{ hello }")
        assert result.data == {"hello": "hello"}
    return Recording.events


async def test_hooks_run_as_strawberrys_own_runner_runs_them() -> None:
    expected = await recorded(strawberry.Schema)
    assert "2 execute out" in expected  # the second request's own extension
    assert await recorded(KnownHooksSchema) == expected


async def test_an_error_in_a_hook_is_answered_as_strawberry_answers_it() -> None:
    answers = []
    for schema_class in (strawberry.Schema, KnownHooksSchema):
        schema = schema_class(query=Query, extensions=[Failing])
        result = await schema.execute("{ hello }")
        answers.append((result.data, [error.message for error in result.errors or []]))
    assert answers[0] == answers[1]
    assert answers[0][1] == ["refused by an extension"]
