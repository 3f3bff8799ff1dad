"""Named Cypher statements: every statement the API runs lives in a `.cypher` file under `cypher/`.

A statement is loaded by its path without the suffix, e.g. `load("queries/actors/users")`.
Statements may hold `{{placeholder}}` slots, filled by `Statement.render` only with fragments that
the code chooses from an allow-list (sort keys, directions) or with other named files (shared
filters and projections). Values from users never reach the text: they travel as parameters.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CYPHER_ROOT = Path(__file__).resolve().parent.parent / "cypher"
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")


class CypherTemplateError(LookupError):
    """A statement or fragment is missing, or a placeholder was left unfilled."""


@dataclass(frozen=True)
class Statement:
    """The text of one named statement, possibly with placeholders."""

    name: str
    text: str

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(_PLACEHOLDER.findall(self.text))

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    def render(self, **fragments: str) -> str:
        """The text with every placeholder replaced by the fragment of the same name."""
        missing = self.placeholders - fragments.keys()
        if missing:
            raise CypherTemplateError(f"{self.name}: no fragment for {sorted(missing)}")
        return _PLACEHOLDER.sub(lambda match: fragments[match.group(1)], self.text)


@cache
def load(name: str) -> Statement:
    """The statement stored in `cypher/<name>.cypher`; names are checked, files read once."""
    if not _NAME.match(name):
        raise CypherTemplateError(f"invalid statement name {name!r}")
    path = CYPHER_ROOT / f"{name}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CypherTemplateError(f"no statement named {name!r} ({path})") from None
    return Statement(name=name, text=text.strip())


@cache
def rendered(name: str, **fragments: str) -> str:
    """`load(name).render(**fragments)`, cached: the same variant renders to the same text."""
    return load(name).render(**fragments)
