"""How EEN keywords give a proposal the competences it seeks and its S3 areas.

The rules are the editable file `seeds/taxonomy/een_mapping.json`: per scheme (TECHNOLOGY,
MARKET, NACE), keys that are keyword codes or the beginnings of codes, each naming competences
(keys of `competences.json`, any level) and optionally S3 areas (codes of `s3_areas.json`).
A keyword takes the entry of the longest key its code begins with; the S3 areas of an entry
without its own are those of its competences' top-level competences. A proposal seeks the
competences of all its keywords and is tagged with their areas (in keyword order, at most as
many as a proposal may have); a keyword no key begins stays on the proposal, gives nothing,
and is listed in the import's report so that the mapping can be extended.

The reverse, for export, reads the EEN keywords of `een.json`: a competence is exported as the
keywords whose entry names it, or else those of its nearest broader competence that has some.
For example, `keyword_mapping().entry("TECHNOLOGY", "01001001")` names additive manufacturing,
and `entry("TECHNOLOGY", "01001999")` advanced manufacturing (the entry of "01001").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from schema.een.profiles import MAX_KEYWORDS, Keyword
from schema.opportunities.proposal_inputs import MAX_AREAS, MAX_COMPETENCES
from seeds.taxonomy import FOLDER, Taxonomy

MAPPING_FILE = FOLDER / "een_mapping.json"
SCHEMES = ("TECHNOLOGY", "MARKET", "NACE")


@dataclass(frozen=True)
class Entry:
    """What a keyword code gives: competence keys and S3 area codes."""

    competences: tuple[str, ...]
    areas: tuple[str, ...]


@dataclass(frozen=True)
class Mapped:
    """What a profile's keywords give: competence and S3 area node ids, and the keywords no
    rule covers (as `SCHEME code`)."""

    competence_ids: list[str]
    area_ids: list[str]
    unmapped: list[str]


class KeywordMapping:
    """The mapping rules, checked against the taxonomy when loaded."""

    def __init__(self, rules: dict[str, Any], taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.rules: dict[str, dict[str, Entry]] = {}
        for scheme in SCHEMES:
            self.rules[scheme] = {
                str(key): self._entry(scheme, str(key), value)
                for key, value in (rules.get(scheme) or {}).items()}

    @classmethod
    def load(cls, path: Path = MAPPING_FILE) -> KeywordMapping:
        """The rules of `path`; ValueError naming an entry that refers to nothing."""
        return cls(json.loads(path.read_text(encoding="utf-8")), Taxonomy.load())

    def _entry(self, scheme: str, key: str, value: dict[str, Any]) -> Entry:
        competences = tuple(value.get("competences") or ())
        known = set(self.taxonomy.all_keys)
        areas = set(self.taxonomy.s3_codes_all)
        unknown = [c for c in competences if c not in known] + [
            a for a in value.get("s3") or () if a not in areas]
        if unknown:
            raise ValueError(f"{MAPPING_FILE.name}: {scheme} {key} names unknown {unknown}")
        given = value.get("s3")
        derived = [code for competence in competences
                   for code in self.taxonomy.s3_codes(self._top(competence))]
        return Entry(competences, tuple(dict.fromkeys(given if given else derived)))

    def _top(self, key: str) -> str:
        broader = self.taxonomy.competence(key)["broader"]
        return key if broader is None else self._top(broader)

    def entry(self, scheme: str, code: str) -> Entry | None:
        """The entry of the longest key `code` begins with; None when no key does."""
        rules = self.rules.get(scheme, {})
        for length in range(len(code), 0, -1):
            found = rules.get(code[:length])
            if found is not None:
                return found
        return None

    def of_keywords(self, keywords: Iterable[Keyword]) -> Mapped:
        """The competences and S3 areas of keywords (node ids, first ones first, capped)."""
        competences: dict[str, None] = {}
        areas: dict[str, None] = {}
        unmapped: list[str] = []
        for keyword in keywords:
            found = self.entry(keyword.scheme, keyword.code)
            if found is None:
                unmapped.append(f"{keyword.scheme} {keyword.code}")
                continue
            competences.update(dict.fromkeys(self.taxonomy.competence_id(key)
                                             for key in found.competences))
            areas.update(dict.fromkeys(self.taxonomy.s3_id(code) for code in found.areas))
        return Mapped(list(competences)[:MAX_COMPETENCES], list(areas)[:MAX_AREAS], unmapped)

    @cached_property
    def _vocabulary(self) -> list[tuple[Keyword, Entry]]:
        """The EEN keywords of een.json with their entries (those that have one)."""
        found = []
        for item in self.taxonomy.een["keywords"]:
            keyword = Keyword(item["scheme"], item["code"], item["label"])
            entry = self.entry(keyword.scheme, keyword.code)
            if entry is not None:
                found.append((keyword, entry))
        return found

    @cached_property
    def _keys_by_id(self) -> dict[str, str]:
        return {self.taxonomy.competence_id(key): key for key in self.taxonomy.all_keys}

    def keywords_for(self, competence_ids: Iterable[str]) -> list[Keyword]:
        """The keywords that stand for competences (node ids) in an export, at most
        MAX_KEYWORDS of each scheme."""
        chosen: dict[Keyword, None] = {}
        for competence_id in competence_ids:
            key: str | None = self._keys_by_id.get(competence_id)
            while key is not None:
                matching = [keyword for keyword, entry in self._vocabulary
                            if key in entry.competences]
                if matching:
                    chosen.update(dict.fromkeys(matching))
                    break
                key = self.taxonomy.competence(key)["broader"]
        per_scheme: dict[str, list[Keyword]] = {}
        for keyword in chosen:
            per_scheme.setdefault(keyword.scheme, []).append(keyword)
        return [keyword for scheme in SCHEMES
                for keyword in per_scheme.get(scheme, [])[:MAX_KEYWORDS]]


@cache
def keyword_mapping() -> KeywordMapping:
    """The mapping of the repository's file, loaded once per process."""
    return KeywordMapping.load()
