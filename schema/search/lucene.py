"""Turning what a person types into a safe full-text query.

Lucene's query syntax gives meaning to characters such as `"`, `*`, `~`, `\\`, `:` and to the
words AND, OR and NOT; a search box must give them none. The text is split into words (letters
and digits of any script), and the words are joined with spaces, so the query can only ever
mean "any of these words, best matches first". Words are lower-cased, which also keeps AND, OR
and NOT from being read as operators.
"""

from __future__ import annotations

import re

MAX_WORDS = 32  # far below Lucene's limit of 1,024 clauses per query
MAX_WORD_LENGTH = 64  # longer runs of letters are not words anyone searches for
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The distinct searchable words of `text`, in order, at most MAX_WORDS of them."""
    found = dict.fromkeys(word.lower()[:MAX_WORD_LENGTH] for word in _WORD.findall(text))
    return list(found)[:MAX_WORDS]


def lucene_query(text: str) -> str | None:
    """A Lucene query matching any word of `text`, or None when it holds no word at all."""
    chosen = words(text)
    return " ".join(chosen) if chosen else None
