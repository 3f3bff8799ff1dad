"""The event log: what changed, in the order it committed (a transactional outbox).

A mutation's write statement returns, beside its `outcome`, the `events` its change makes: maps
with `type`, `subjectType` and `subjectId` (the GraphQL type and id of the object concerned),
and optionally `scopeType`/`scopeId` (the object whose visibility decides who may learn of the
event, when it is not the subject: the community of a deleted comment; or a side of an object
with a stricter rule, `schema.events.access.SIDES`: a RESERVED community's member list),
`recipientId` (the one person who may learn of it: a notification), `communityId`,
`projectId`, `s3Areas`, `competences` (what subscribers filter on) and `payload` (what
changed, only what anyone who may see the scope may see). `schema.mutations.write_statement`
appends them, when the outcome is DONE, in the same transaction (`events/append`): an event
exists if and only if its change committed, and `seq` numbers events in commit order without
gaps. Subscriptions and webhooks read the log from a position on (`read_after`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

import neo4j
from neo4j.time import Date, DateTime

from app import cypher, ids
from app.db import Database

PAGE_SIZE = 500

# The type of each node id a payload may name, so that clients receive global IDs they can
# pass to `node(id:)`. `<x>Id` beside `<x>Type` takes the type given (what a comment answers,
# what a document is attached to).
PAYLOAD_ID_TYPES = MappingProxyType({
    "memberId": "User", "personId": "User", "proposalId": "Proposal",
    "interestId": "ExpressionOfInterest", "organizationId": "Organization",
    "previousOrganizationId": "Organization",
    "partnerId": "Organization", "coordinatorId": "Organization",
    "candidateIds": "Organization", "newsId": "News", "commentId": "Comment",
    "replyToId": "Comment", "discussionId": "Discussion", "documentId": "Document",
    "previousVersionId": "Document", "parentId": "Community", "communityId": "Community",
    "projectId": "Project", "notificationIds": "Notification",
    "dependencyAdded": "Activity", "dependencyRemoved": "Activity",
})


def _global(value: Any, type_name: str) -> Any:
    if isinstance(value, str):
        return ids.encode(type_name, value)
    if isinstance(value, list):
        return [_global(item, type_name) for item in value]
    return value


def _public(payload: dict[str, Any]) -> dict[str, Any]:
    shown = dict(payload)
    for key, value in payload.items():
        type_name = PAYLOAD_ID_TYPES.get(key)
        if type_name is None and key.endswith("Id"):
            type_name = payload.get(key[:-2] + "Type")
        if type_name is not None and value is not None:
            shown[key] = _global(value, type_name)
    return shown


@dataclass(frozen=True)
class LoggedEvent:
    """One committed event, as the log holds it."""

    seq: int
    type: str
    at: datetime
    actor_id: str | None
    subject_type: str
    subject_id: str
    scope_type: str
    scope_id: str
    recipient_id: str | None
    community_id: str | None
    project_id: str | None
    s3_areas: frozenset[str]
    competences: frozenset[str]
    payload: str  # JSON text

    @classmethod
    def from_record(cls, fields: Mapping[str, Any]) -> LoggedEvent:
        """The event of an `Event` node's properties."""
        return cls(
            seq=fields["seq"], type=fields["type"], at=fields["at"].to_native(),
            actor_id=fields.get("actorId"), subject_type=fields["subjectType"],
            subject_id=fields["subjectId"], scope_type=fields["scopeType"],
            scope_id=fields["scopeId"], recipient_id=fields.get("recipientId"),
            community_id=fields.get("communityId"), project_id=fields.get("projectId"),
            s3_areas=frozenset(fields.get("s3Areas") or ()),
            competences=frozenset(fields.get("competences") or ()),
            payload=fields.get("payload") or "{}")

    def public_payload(self) -> dict[str, Any]:
        """The payload as clients receive it (subscriptions, webhooks): the node ids it names
        as global IDs they can pass to `node(id:)`."""
        return _public(json.loads(self.payload))


def _json_value(value: Any) -> Any:
    if isinstance(value, DateTime | Date):
        return value.iso_format()
    raise TypeError(f"{type(value).__name__} cannot be an event's payload")


def _parameters(event: Mapping[str, Any]) -> dict[str, Any]:
    return {**event, "payload": json.dumps(event.get("payload") or {}, default=_json_value,
                                           ensure_ascii=False, separators=(",", ":"))}


async def append(tx: neo4j.AsyncManagedTransaction, viewer_id: str | None,
                 events: Sequence[Mapping[str, Any]]) -> int:
    """Append `events` (as write statements return them) in the transaction `tx`; the seq of
    the last one."""
    result = await tx.run(cypher.load("queries/events/append").text,
                          {"viewerId": viewer_id, "events": [_parameters(e) for e in events]})
    record = await result.single(strict=True)
    last: int = record["last"]
    return last


async def read_after(db: Database, after: int, limit: int = PAGE_SIZE) -> list[LoggedEvent]:
    """The events after seq `after`, in order, at most `limit`."""
    records = await db.read(cypher.load("queries/events/after").text,
                            {"after": after, "limit": limit})
    return [LoggedEvent.from_record(record["event"]) for record in records]


async def last_seq(db: Database) -> int:
    """The seq of the latest committed event; 0 when the log is empty."""
    records = await db.read(cypher.load("queries/events/last_seq").text)
    return int(records[0]["last"]) if records else 0
