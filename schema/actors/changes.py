"""What the mutations of people and organizations share: partial inputs, lists of taxonomy
IDs, and the one write statement each runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

import strawberry
from pydantic import BaseModel
from strawberry.utils.str_converters import to_camel_case

from app import ids as global_ids
from app.context import Context
from schema.mutations import UserError, UserErrorCode, write_statement

Info = strawberry.Info[Context, None]


def given_fields(given: Any) -> dict[str, Any]:
    """The fields of a strawberry input that the request named (UNSET ones left out), so that
    a partial update tells "leave it as it is" (omitted) from "clear it" (null)."""
    return {
        field.name: _plain(getattr(given, field.name))
        for field in dataclasses.fields(given)
        if getattr(given, field.name) is not strawberry.UNSET
    }


def _plain(value: Any) -> Any:
    if hasattr(value, "to_pydantic"):
        return value.to_pydantic()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def changed_properties(model: BaseModel, names: Iterable[str]) -> dict[str, Any]:
    """The fields among `names` that the input set, as graph properties (camelCase, enums as
    their stored names); a null removes the property when applied with `SET n += $changes`."""
    chosen = model.model_fields_set & set(names)
    dumped = model.model_dump(mode="json", include=chosen)
    return {to_camel_case(name): value for name, value in dumped.items()}


def decoded_ids(values: list[str], type_name: str,
                path: str) -> tuple[list[str], list[UserError]]:
    """The node ids of a list of global IDs of `type_name` (a malformed one or one of another
    type is BAD_USER_INPUT), and an INVALID user error for each one listed twice; `path` is
    the field path of an element, `{}` standing for its index (`skills.{}.competence`)."""
    node_ids = [global_ids.decode_as(value, type_name) for value in values]
    seen: set[str] = set()
    errors = []
    for index, node_id in enumerate(node_ids):
        if node_id in seen:
            errors.append(UserError(field=path.format(index), code=UserErrorCode.INVALID,
                                    message="This is listed twice."))
        seen.add(node_id)
    return node_ids, errors


def unknown(indexes: Iterable[int], path: str, what: str) -> list[UserError]:
    """A NOT_FOUND user error for each list element (by index) naming nothing that exists;
    `path` as for `decoded_ids`."""
    return [UserError(field=path.format(index), code=UserErrorCode.NOT_FOUND,
                      message=f"No {what} with this ID.")
            for index in indexes]


async def run(info: Info, statement: str, parameters: Mapping[str, Any],
              **fragments: str) -> dict[str, Any]:
    """Run the write statement `cypher/queries/actors/<statement>` (its placeholders filled
    with `fragments`) and return its single record."""
    return await write_statement(info.context, f"actors/{statement}", dict(parameters),
                                 **fragments)
