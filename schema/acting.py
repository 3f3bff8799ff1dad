"""What the community and content mutations share: the rules their statements are given, and
running those statements as the viewer.

A statement answers `outcome`: 'DONE', a refusal ('NOT_FOUND', 'FORBIDDEN'), or a token naming a
business rule it enforced, which each mutation maps to the user error a person reads
(`schema.mutations.outcome_errors`, with a table of `Reason`s).
"""

from __future__ import annotations

from typing import Any

import strawberry

from app.context import Context
from schema.loading import applied
from schema.mutations import Reason, UserErrorCode, write_statement


def rules(variable: str) -> dict[str, str]:
    """The role rules of access/ applied to the community `variable`, as the placeholders the
    statements name: `manages`, `facilitates`, `administers`, `member` (an active member)."""
    return {
        "manages": applied("access/viewer_manages_community", variable),
        "member": applied("access/viewer_is_active_member", variable),
        "facilitates": applied("access/viewer_is_facilitator", "viewer"),
        "administers": applied("access/viewer_is_platform_admin", "viewer"),
    }


async def perform(info: strawberry.Info[Context, None], statement: str,
                  parameters: dict[str, Any], **fragments: str) -> dict[str, Any]:
    """Run the write statement `queries/<statement>` with the viewer's id and `parameters`, and
    return its record (at least `outcome`)."""
    return await write_statement(info.context, statement,
                                 {**parameters, "viewerId": info.context.viewer_id},
                                 **fragments)


# The outcome of a statement given S3 area IDs of which one names no area.
S3_AREA_REASONS = {"UNKNOWN_S3_AREA": Reason("s3Areas", UserErrorCode.NOT_FOUND,
                                             "No S3 area with one of these IDs.")}
