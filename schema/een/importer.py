"""Writing checked EEN profiles as proposals, one transaction per profile.

Each profile is upserted by its external reference (`cypher/queries/een/import_profile`):
created, updated when the file's `datum/update` is newer than the stored one, closed when the
stored proposal is published past its deadline, and otherwise left as it is, recording no
event. The profile's own XML is kept, through the document store, as a document attached to
the proposal (a new version at each update), so every proposal shows where it came from.
Who may import is a rule of the same transaction: `PLATFORM_ADMINS` over the API, `ANYONE` for
the command line, which holds the database's own credentials.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.context import Context
from schema.documents.mutations import file_store, graph_references
from schema.een.mapping import KeywordMapping, keyword_mapping
from schema.een.profiles import Entry, Profile, Rejection
from schema.loading import applied
from schema.mutations import new_id, refuse, write_statement
from seeds.taxonomy import stable_id

PLATFORM_ADMINS = applied("access/viewer_is_platform_admin", "viewer")
ANYONE = "true"
MIME_TYPE = "application/xml"
_REFUSALS = {"NOT_EEN": "The reference is that of a territorial proposal, which an EEN "
                        "profile cannot replace."}
# Told after each profile with how many are done and how many there are.
Progress = Callable[[int, int], None]


@dataclass
class Report:
    """What became of one profile of a file."""

    index: int
    reference: str | None
    result: str  # CREATED, UPDATED, CLOSED, UNCHANGED or REJECTED
    rejections: list[Rejection] = field(default_factory=list)
    proposal_id: str | None = None
    unmapped: list[str] = field(default_factory=list)


class _Bytes:
    """Bytes read in chunks, as the document store receives an upload."""

    def __init__(self, data: bytes) -> None:
        self.stream = io.BytesIO(data)

    async def read(self, size: int = -1) -> bytes:
        return self.stream.read(size)


def is_open(profile: Profile, today: Any) -> bool:
    """Whether the profile still takes expressions of interest: open in EEN, and its deadline
    (if it has one) not past."""
    return profile.eoi_open and (profile.deadline is None or profile.deadline >= today)


def _properties(profile: Profile) -> dict[str, Any]:
    return {
        "title": profile.title, "summary": profile.summary, "description": profile.description,
        "kind": profile.kind, "country": profile.country,
        "collaborationTypes": profile.collaboration_types,
        "developmentStage": profile.development_stage, "ipr": profile.ipr,
        "deadline": profile.deadline, "eenSubmittedAt": profile.submitted,
        "eenUpdatedAt": profile.updated,
    }


async def import_profile(context: Context, entry: Entry, may_import: str,
                         mapping: KeywordMapping | None = None) -> Report:
    """Write one checked entry (a rejected one is only reported); FORBIDDEN raised when the
    viewer may not import."""
    profile = entry.profile
    if profile is None:
        return Report(entry.index, entry.reference, "REJECTED", entry.rejections)
    mapped = (mapping or keyword_mapping()).of_keywords(profile.keywords)
    store = file_store(context)
    received = await store.receive(_Bytes(profile.xml), len(profile.xml))
    assert received is not None  # the limit is the size itself
    today = datetime.now(UTC).date()
    async with store.placing(received, graph_references(context)) as placement:
        record = await write_statement(context, "een/import_profile", {
            "externalRef": profile.external_ref, "proposalId": new_id(), "changeId": new_id(),
            "properties": _properties(profile), "open": is_open(profile, today),
            "today": today,
            "keywords": [{"id": stable_id("keyword", f"{k.scheme}:{k.code}"),
                          "scheme": k.scheme, "code": k.code, "label": k.label}
                         for k in profile.keywords],
            "keywordKeys": sorted(f"{k.scheme} {k.code}" for k in profile.keywords),
            "competenceIds": mapped.competence_ids, "areaIds": mapped.area_ids,
            "document": {"id": new_id(), "title": f"EEN profile {profile.external_ref}",
                         "fileName": f"{_file_stem(profile.external_ref)}.xml",
                         "mimeType": MIME_TYPE, "size": received.size,
                         "sha256": received.sha256},
        }, may_import=may_import)
        # a refused profile (NOT_EEN, FORBIDDEN) wrote nothing: its bytes go too
        placement.recorded = (record["outcome"] == "DONE"
                              and record["change"] in ("CREATED", "UPDATED"))
    outcome = record["outcome"]
    refuse(outcome, "import")
    if outcome in _REFUSALS:
        return Report(entry.index, entry.reference, "REJECTED",
                      [Rejection(outcome, _REFUSALS[outcome])])
    return Report(entry.index, entry.reference, record["change"],
                  proposal_id=record["proposalId"], unmapped=mapped.unmapped)


async def import_entries(context: Context, entries: list[Entry], may_import: str,
                         progress: Progress | None = None) -> list[Report]:
    """Write the entries of a file in order, each in its own transaction."""
    reports = []
    for done, entry in enumerate(entries, start=1):
        reports.append(await import_profile(context, entry, may_import))
        if progress is not None:
            progress(done, len(entries))
    return reports


def _file_stem(reference: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in reference)
