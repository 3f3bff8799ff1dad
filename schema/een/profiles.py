"""Reading POD profile files: the XML parsed safely, each `profile` element checked on its own.

A file is refused as a whole only when it cannot be read at all: larger than allowed, not
well-formed XML, holding a DTD or entity declarations (refused before anything is expanded or
fetched, so neither a billion laughs nor an external entity costs anything), nesting elements
deeper than profiles do, or holding no profile. Otherwise each profile is checked apart and
answers either a `Profile`, ready to be written, or the reasons it is rejected; the other
profiles of the file are unaffected.

    <profiles>
      <profile>
        <reference><external>TOIT20240105001</external><internal>…</internal><type>TO</type></reference>
        <content><title>…</title><summary>…</summary><description>…</description></content>
        <company><country>IT</country>…</company>
        <cooperation><partner><area/><sought>…</sought><task/></partner>
          <ipr><status>…</status></ipr><stagedev><stage>…</stage></stagedev></cooperation>
        <datum><deadline>2025-03-31</deadline><submit>…</submit><update>…</update></datum>
        <keyword><technologies><technology><key>…</key><label>…</label></technology>…
        </technologies><markets>…</markets><naces>…</naces></keyword>
        <eoi><status>open</status></eoi>
      </profile>
    </profiles>
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from schema.een.pod import (
    COUNTRY_ALIASES,
    IPR,
    KEYWORD_GROUPS,
    KIND_OF_TYPE,
    PARTNERSHIPS,
    STAGES,
    recognized,
)
from schema.opportunities.proposal_inputs import (
    DESCRIPTION_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    TITLE_MIN,
)

REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,59}$")
KEYWORD_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
MAX_KEYWORDS = 30  # per scheme
# POD's structure nests six deep (profiles/profile/keyword/technologies/technology/key); a
# deeper file is refused before anything walks it recursively (a profile's XML is serialized
# one level per call, and Python's recursion limit would end the whole import).
MAX_DEPTH = 32
LABEL_MAX = 200
CLOSED_WORDS = re.compile(r"^\s*(closed|close|0|false|no|expired)\s*$", re.IGNORECASE)
# Records one reason to reject the profile being checked.
Reject = Callable[[str, str], None]


class FileRefused(ValueError):
    """A file that cannot be read at all: `code` is TOO_LARGE, INVALID or NO_PROFILES."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Rejection:
    """Why a profile is not imported: a stable code and a sentence."""

    code: str
    message: str


@dataclass(frozen=True)
class Keyword:
    scheme: str
    code: str
    label: str


@dataclass
class Profile:
    """A checked profile, as the proposal it becomes."""

    external_ref: str
    profile_type: str
    title: str
    summary: str | None
    description: str | None
    country: str | None
    collaboration_types: list[str]
    development_stage: str | None
    ipr: str | None
    deadline: date | None
    submitted: datetime
    updated: datetime
    eoi_open: bool
    keywords: list[Keyword]
    xml: bytes

    @property
    def kind(self) -> str:
        return KIND_OF_TYPE[self.profile_type]


@dataclass
class Entry:
    """One `profile` element of a file: its place (from 1), its reference when it has a
    readable one, and either the checked profile or why it is rejected."""

    index: int
    reference: str | None
    profile: Profile | None = None
    rejections: list[Rejection] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next((child for child in element if _local(child.tag) == name), None)


def _children(element: Element | None, name: str | None = None) -> list[Element]:
    if element is None:
        return []
    return [child for child in element if name is None or _local(child.tag) == name]


def _text(element: Element | None, *path: str) -> str | None:
    for name in path:
        element = _child(element, name)
    text = (element.text or "").strip() if element is not None else ""
    return text or None


def read_file(data: bytes, max_bytes: int) -> list[Entry]:
    """The profiles of a file, each checked; FileRefused when the file cannot be read."""
    if len(data) > max_bytes:
        raise FileRefused("TOO_LARGE", f"A profile file may have at most {max_bytes} bytes.")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FileRefused("INVALID", "The file declares a DTD or entities, which profile "
                          "files never need and are not read.") from None
    except ParseError as error:
        raise FileRefused("INVALID", f"The file is not well-formed XML ({error}).") from None
    if _deeper_than(root, MAX_DEPTH):
        raise FileRefused("INVALID", f"The file nests elements more than {MAX_DEPTH} deep, "
                          "which profile files never do.")
    elements = [root] if _local(root.tag) == "profile" else [
        element for element in root.iter() if _local(element.tag) == "profile"]
    if not elements:
        raise FileRefused("NO_PROFILES", "The file holds no profile element.")
    return [check(index, element) for index, element in enumerate(elements, start=1)]


def _deeper_than(root: Element, limit: int) -> bool:
    """Whether elements nest more than `limit` deep under and with `root` (walked without
    recursion)."""
    pending = [(root, 1)]
    while pending:
        element, depth = pending.pop()
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in element)
    return False


def check(index: int, element: Element) -> Entry:
    """The entry of one profile element: its profile, or every reason to reject it."""
    rejections: list[Rejection] = []

    def reject(code: str, message: str) -> None:
        rejections.append(Rejection(code, message))

    reference = _text(element, "reference", "external")
    if reference is None:
        reject("MISSING_REFERENCE", "The profile has no reference/external.")
    elif not REFERENCE.match(reference):
        reject("INVALID_REFERENCE", "The external reference must be 1 to 60 letters, digits, "
               "spaces, dots, slashes or dashes.")
        reference = None
    profile_type = _profile_type(_text(element, "reference", "type"), reference)
    if profile_type is None:
        reject("UNKNOWN_TYPE", "The profile type must be one of "
               f"{', '.join(KIND_OF_TYPE)}.")
    content = _child(element, "content")
    title = _text(content, "title")
    if title is None or len(title) < TITLE_MIN:
        reject("MISSING_TITLE", f"The title must have at least {TITLE_MIN} characters.")
    for name, text, limit in (("title", title, TITLE_MAX),
                              ("summary", _text(content, "summary"), SUMMARY_MAX),
                              ("description", _text(content, "description"), DESCRIPTION_MAX)):
        if text is not None and len(text) > limit:
            reject("TOO_LONG", f"The {name} may have at most {limit} characters.")
    country = _text(element, "company", "country")
    if country is not None:
        country = COUNTRY_ALIASES.get(country.upper(), country.upper())
        if not COUNTRY.match(country):
            reject("INVALID_COUNTRY", "The company country must be a two-letter code.")
    datum = _child(element, "datum")
    deadline = _moment(_text(datum, "deadline"), "deadline", reject)
    submitted = _moment(_text(datum, "submit"), "submit", reject)
    updated = _moment(_text(datum, "update"), "update", reject) or submitted
    if submitted is None and not any(r.code == "INVALID_DATE" for r in rejections):
        reject("MISSING_DATE", "The profile has no datum/submit date.")
    keywords = _keywords(_child(element, "keyword"), reject)
    entry = Entry(index, reference, rejections=rejections)
    if rejections:
        return entry
    assert reference and profile_type and title and submitted and updated  # checked above
    cooperation = _child(element, "cooperation")
    sought = [_text(item) for partner in _children(cooperation, "partner")
              for item in _children(partner, "sought")]
    entry.profile = Profile(
        external_ref=reference, profile_type=profile_type, title=title,
        summary=_text(content, "summary"), description=_text(content, "description"),
        country=country,
        collaboration_types=list(dict.fromkeys(
            value for text in sought if (value := recognized(text, PARTNERSHIPS)))),
        development_stage=recognized(_text(cooperation, "stagedev", "stage"), STAGES),
        ipr=recognized(_text(cooperation, "ipr", "status"), IPR),
        deadline=deadline.date() if deadline else None, submitted=submitted, updated=updated,
        eoi_open=not CLOSED_WORDS.match(_text(element, "eoi", "status") or ""),
        keywords=keywords,
        xml=tostring(element, encoding="utf-8", xml_declaration=True))
    return entry


def _profile_type(given: str | None, reference: str | None) -> str | None:
    """The profile type as given, or else read from the reference's prefix (TOIT2024…)."""
    if given is not None:
        return given.upper() if given.upper() in KIND_OF_TYPE else None
    if reference is not None:
        for prefix in sorted(KIND_OF_TYPE, key=len, reverse=True):
            if reference.upper().startswith(prefix):
                return prefix
    return None


def _moment(text: str | None, name: str, reject: Reject) -> datetime | None:
    """An ISO 8601 date or date and time (UTC when it names no offset)."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        reject("INVALID_DATE", f"datum/{name} is not an ISO 8601 date: {text[:40]!r}.")
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _keywords(element: Element | None, reject: Reject) -> list[Keyword]:
    found: dict[tuple[str, str], Keyword] = {}
    for scheme, group, _ in KEYWORD_GROUPS:
        items = _children(_child(element, group))
        if len(items) > MAX_KEYWORDS:
            reject("TOO_MANY_KEYWORDS", f"At most {MAX_KEYWORDS} {group} keywords.")
            continue
        for item in items:
            code = _text(item, "key")
            if code is None or not KEYWORD_CODE.match(code):
                reject("INVALID_KEYWORD", f"A {group} keyword needs a key of 1 to 20 letters, "
                       "digits, dots or dashes.")
                continue
            label = _text(item, "label") or code
            found.setdefault((scheme, code), Keyword(scheme, code, label[:LABEL_MAX]))
    return list(found.values())
