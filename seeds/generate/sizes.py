"""How many of each thing the generator makes at a scale.

`REAL` holds the real platform's figures (May 2023) and, for what it has no published figure
of, the sizes chosen for the generated one; at a scale every count is round(real × scale),
at least 1. Everything not listed here (comments, memberships, documents…) follows from these
counts through per-object proportions in the domain generators.
"""

from __future__ import annotations

from dataclasses import dataclass

REAL = {
    "users": 22_200,
    "organizations": 2_433,
    "thematic_communities": 692,
    "discussions": 3_055,
    "news": 6_802,
    "proposals": 16_000,
    "een_proposals": 8_000,
    # No published figures: sizes chosen for the generated platform.
    "working_groups": 160,
    "project_groups": 120,
    "interest_groups": 220,
    "projects": 1_200,
}


def at_scale(real: int, scale: float) -> int:
    """round(real × scale), at least 1."""
    return max(1, round(real * scale))


@dataclass(frozen=True)
class Sizes:
    """The counts of one scale."""

    users: int
    organizations: int
    thematic_communities: int
    working_groups: int
    project_groups: int
    interest_groups: int
    discussions: int
    news: int
    proposals: int
    een_proposals: int
    projects: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        """The counts at `scale` (1 = the real platform)."""
        return cls(**{name: at_scale(real, scale) for name, real in REAL.items()})

    @property
    def territorial_proposals(self) -> int:
        return self.proposals - self.een_proposals
