"""Territorial proposals marked for international dissemination, written as POD profiles.

The file has the structure the import reads (`schema.een.profiles`), so that an export read
back gives the same proposals. A proposal is exported with its reference (`externalRef` when
EEN gave it one, else `OIG-<id>`, and its id as the internal reference), kind as profile type
(COLLABORATION as RDR, CHALLENGE as TR: POD has no such types), texts, the country, kind and
founding year of the organization it is made for, the partnerships sought, stage of
development and IPR in POD's wording, deadline, creation (`submit`) and marking (`update`)
times, its own keywords and the keywords that stand for the competences it seeks
(`schema.een.mapping`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from app import cypher
from app.db import Database
from schema.een.mapping import KeywordMapping, keyword_mapping
from schema.een.pod import IPR, KEYWORD_GROUPS, PARTNERSHIPS, STAGES, TYPE_OF_KIND, wording
from schema.een.profiles import Keyword
from schema.values import native

REFERENCE_PREFIX = "OIG-"
# Characters XML 1.0 has no place for, which a proposal's text may hold (a vertical tab pasted
# from a word processor): written as they are, one would make the whole file unreadable.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


async def disseminated(db: Database) -> list[dict[str, Any]]:
    """The proposals to export, as `een/disseminated_proposals` reads them."""
    records = await db.read(cypher.load("queries/een/disseminated_proposals").text)
    return [record.data() for record in records]


def _add(parent: Element, name: str, text: object = None) -> Element:
    element = SubElement(parent, name)
    if text is not None:
        element.text = UNWRITABLE.sub(" ", str(text))
    return element


def _moment(value: Any) -> str | None:
    moment = native(value)
    if not isinstance(moment, datetime):
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def profile_element(row: dict[str, Any], mapping: KeywordMapping) -> Element:
    """The `profile` element of one proposal row."""
    proposal = row["proposal"]
    organization = row.get("organization") or {}
    profile = Element("profile")
    reference = _add(profile, "reference")
    _add(reference, "external", proposal.get("externalRef") or REFERENCE_PREFIX + proposal["id"])
    _add(reference, "internal", proposal["id"])
    _add(reference, "type", TYPE_OF_KIND[proposal["kind"]])
    content = _add(profile, "content")
    for name in ("title", "summary", "description"):
        _add(content, name, proposal.get(name))
    company = _add(profile, "company")
    _add(company, "country", organization.get("country") or proposal.get("country") or "IT")
    _add(company, "kind", organization.get("kind"))
    _add(company, "since", organization.get("foundedYear"))
    cooperation = _add(profile, "cooperation")
    partner = _add(cooperation, "partner")
    for value in proposal.get("collaborationTypes") or []:
        _add(partner, "sought", wording(value, PARTNERSHIPS))
    _add(_add(cooperation, "ipr"), "status", wording(proposal.get("ipr"), IPR))
    _add(_add(cooperation, "stagedev"), "stage",
         wording(proposal.get("developmentStage"), STAGES))
    datum = _add(profile, "datum")
    deadline = native(proposal.get("deadline"))
    _add(datum, "deadline", deadline.isoformat() if deadline else None)
    _add(datum, "submit", _moment(proposal["createdAt"]))
    _add(datum, "update", _moment(proposal.get("disseminationMarkedAt")
                                  or proposal["createdAt"]))
    keywords = [Keyword(k["scheme"], k["code"], k["label"]) for k in row["keywords"]]
    keywords += mapping.keywords_for(row["competenceIds"])
    chosen = list(dict.fromkeys(keywords))
    group = _add(profile, "keyword")
    for scheme, plural, singular in KEYWORD_GROUPS:
        items = _add(group, plural)
        for keyword in (k for k in chosen if k.scheme == scheme):
            item = _add(items, singular)
            _add(item, "key", keyword.code)
            _add(item, "label", keyword.label)
    _add(_add(profile, "eoi"), "status", "Open")
    return profile


def profiles_xml(rows: list[dict[str, Any]], mapping: KeywordMapping | None = None) -> bytes:
    """The profiles file of proposal rows (UTF-8, indented)."""
    root = Element("profiles")
    for row in rows:
        root.append(profile_element(row, mapping or keyword_mapping()))
    indent(root)
    data: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
