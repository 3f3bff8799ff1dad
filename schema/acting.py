"""What the community and content mutations share: the rules their statements are given.

A statement answers `outcome`: 'DONE', a refusal ('NOT_FOUND', 'FORBIDDEN'), or a token naming a
business rule it enforced, which each mutation maps to the user error a person reads
(`schema.mutations.outcome_errors`, with a table of `Reason`s).
"""

from __future__ import annotations

from schema.loading import applied
from schema.mutations import Reason, UserErrorCode


def rules(variable: str) -> dict[str, str]:
    """The role rules of access/ applied to the community `variable`, as the placeholders the
    statements name: `manages`, `facilitates`, `administers`, `member` (an active member)."""
    return {
        "manages": applied("access/viewer_manages_community", variable),
        "member": applied("access/viewer_is_active_member", variable),
        "facilitates": applied("access/viewer_is_facilitator", "viewer"),
        "administers": applied("access/viewer_is_platform_admin", "viewer"),
    }


# The outcome of a statement given S3 area IDs of which one names no area.
S3_AREA_REASONS = {"UNKNOWN_S3_AREA": Reason("s3Areas", UserErrorCode.NOT_FOUND,
                                             "No S3 area with one of these IDs.")}
