"""What the community and content mutations share: the rules their statements are given, and
how a statement's outcome becomes a refusal, a user error, or nothing.

A statement answers `outcome`: 'DONE', a refusal ('NOT_FOUND', 'FORBIDDEN', see
`schema.mutations.refuse`), or a token naming a business rule it enforced, which each mutation
maps to the user error a person reads (`Rule`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import strawberry

from app.context import Context
from schema.loading import NodeKind, applied
from schema.mutations import UserError, UserErrorCode, refuse, user_error, write_statement


@dataclass(frozen=True)
class Rule:
    """The user error of an outcome token: the input field it concerns, its code, a message."""

    field: str | None
    code: UserErrorCode
    message: str


def known_community(community_kind: NodeKind, variable: str) -> str:
    """Whether the viewer may act on the community `variable`: it is visible to the viewer, or
    the viewer is one of its active or invited members (their own membership tells them of it,
    whatever its access)."""
    return (f"({community_kind.visibility_of(variable)} OR "
            f"{applied('communities/community_of_viewer', variable)})")


def rules(variable: str) -> dict[str, str]:
    """The role rules of access/ applied to the community `variable`, as the placeholders the
    statements name: `manages`, `facilitates`, `administers`, `member` (an active member)."""
    return {
        "manages": applied("access/viewer_manages_community", variable),
        "member": applied("access/viewer_is_active_member", variable),
        "facilitates": applied("access/viewer_is_facilitator", "viewer"),
        "administers": applied("access/viewer_is_platform_admin", "viewer"),
    }


async def perform(info: strawberry.Info[Context, None], statement: str, what: str,
                  parameters: dict[str, Any], **fragments: str) -> dict[str, Any]:
    """Run the write statement `queries/<statement>` with the viewer's id and `parameters`,
    raise the top-level error of a refusal (`what` names the object), and return its record."""
    record = await write_statement(info.context, statement,
                                   {**parameters, "viewerId": info.context.viewer_id},
                                   **fragments)
    refuse(record["outcome"], what)
    return record


def errors_of(outcome: str, known: Mapping[str, Rule]) -> list[UserError]:
    """The user errors of an outcome (none when it is 'DONE')."""
    if outcome == "DONE":
        return []
    rule = known[outcome]
    return user_error(rule.field, rule.code, rule.message)


UNKNOWN_S3_AREA = Rule("s3Areas", UserErrorCode.NOT_FOUND, "No S3 area with one of these IDs.")
