"""The taxonomies the platform is built on, read from the JSON files in `seeds/taxonomy/`.

S3 areas are Lombardy's two real Smart Specialisation taxonomies (2014–2020 and 2021–2027);
competences form a hierarchy through `broader`; each top-level competence names the S3 areas it
belongs to, which the generator uses to give people and organizations consistent profiles.
`een.json` holds the EEN keywords (technology, market, NACE; each tied to a top-level competence)
and the countries EEN profiles come from; `texts.json` the phrases generated texts are made of.
Ids are stable (derived from codes and keys), so loading twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "taxonomy"


_NAMESPACE = uuid.NAMESPACE_URL.bytes


def name_uuid(name: str) -> str:
    """str(uuid.uuid5(uuid.NAMESPACE_URL, name)), computed without UUID objects (generating
    the full graph makes hundreds of thousands of ids)."""
    digest = bytearray(hashlib.sha1(_NAMESPACE + name.encode()).digest()[:16])  # noqa: S324
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def stable_id(kind: str, key: str) -> str:
    """The id of a seeded node of `kind` with natural key `key`: the same on every load."""
    return name_uuid(f"oig:{kind}:{key}")


def _read(name: str) -> Any:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Taxonomy:
    """The loaded taxonomy files and look-ups over them."""

    s3_areas: list[dict[str, Any]]
    provinces: list[dict[str, Any]]
    competences: list[dict[str, Any]]
    names: dict[str, Any]
    research_organizations: list[dict[str, Any]]
    een: dict[str, Any]
    texts: dict[str, Any]

    @classmethod
    def load(cls) -> Taxonomy:
        """Read every file of `seeds/taxonomy/`."""
        return cls(_read("s3_areas"), _read("provinces"), _read("competences"), _read("names"),
                   _read("research_organizations"), _read("een"), _read("texts"))

    @cached_property
    def _competences(self) -> dict[str, dict[str, Any]]:
        return {entry["key"]: entry for entry in self.competences}

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {key: [] for key in self._competences}
        for entry in self.competences:
            if entry["broader"]:
                children[entry["broader"]].append(entry["key"])
        return children

    @cached_property
    def top_level(self) -> list[str]:
        return [entry["key"] for entry in self.competences if entry["broader"] is None]

    @cached_property
    def top_level_names_it(self) -> list[str]:
        return [self._competences[key]["nameIt"] for key in self.top_level]

    @cached_property
    def all_keys(self) -> list[str]:
        return list(self._competences)

    @cached_property
    def s3_codes_all(self) -> list[str]:
        return [area["code"] for area in self.s3_areas]

    def competence(self, key: str) -> dict[str, Any]:
        return self._competences[key]

    @cached_property
    def _ids(self) -> dict[str, str]:
        ids = {f"c:{key}": stable_id("competence", key) for key in self._competences}
        ids.update({f"s:{area['code']}": stable_id("s3area", area["code"])
                    for area in self.s3_areas})
        return ids

    def competence_id(self, key: str) -> str:
        return self._ids[f"c:{key}"]

    def s3_id(self, code: str) -> str:
        return self._ids[f"s:{code}"]

    @cached_property
    def _descendants(self) -> dict[str, list[str]]:
        def below(key: str) -> list[str]:
            found: list[str] = []
            for child in self._children[key]:
                found.append(child)
                found.extend(below(child))
            return found

        return {key: below(key) for key in self._competences}

    def descendants(self, key: str) -> list[str]:
        """Every competence below `key` in the hierarchy (not `key` itself), depth first."""
        return list(self._descendants[key])

    def s3_codes(self, top_level_key: str) -> list[str]:
        return list(self._competences[top_level_key].get("s3", []))

    @cached_property
    def _provinces(self) -> dict[str, dict[str, Any]]:
        return {province["code"]: province for province in self.provinces}

    def cities(self, province: str) -> list[str]:
        return list(self._provinces[province]["cities"])

    def capital(self, province: str) -> str:
        return str(self._provinces[province]["capital"])

    def keyword_id(self, scheme: str, code: str) -> str:
        return stable_id("keyword", f"{scheme}:{code}")

    def keyword_rows(self) -> list[dict[str, Any]]:
        """Parameter rows of the EEN keywords (technology, market and NACE), shared nodes."""
        return [{"id": self.keyword_id(entry["scheme"], entry["code"]), "scheme": entry["scheme"],
                 "code": entry["code"], "label": entry["label"]}
                for entry in self.een["keywords"]]

    def s3_area_rows(self) -> list[dict[str, Any]]:
        """Parameter rows of the S3 areas for the seed statement."""
        return [{"id": self.s3_id(area["code"]), **area} for area in self.s3_areas]

    def competence_rows(self) -> list[dict[str, Any]]:
        """Parameter rows of the competences, each with the id of its broader one (or null)."""
        return [{
            "id": self.competence_id(entry["key"]), "name": entry["name"],
            "nameIt": entry["nameIt"],
            "broader": self.competence_id(entry["broader"]) if entry["broader"] else None,
        } for entry in self.competences]
