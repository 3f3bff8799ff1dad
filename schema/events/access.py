"""Who may learn of an event: the audience the event hub asks before handing events over.

An event is visible to a viewer when the viewer may see its scope (the object itself, or the
object whose visibility decides, such as the community of a deleted comment), by the same
visibility rule every read of that type applies (`NodeKind.visible`), evaluated at delivery
time, so a person who has left a reserved community stops receiving its events at once. An
event with a recipient (a notification) is visible to that person only. A scope of a type
without a registered rule, or one that no longer exists, is visible to nobody.

An audience that no node type's rule describes has a scope type of its own (`register_scope`):
the people entitled to a project's private side (`ProjectPrivate`, on the project) learn of a
budget line deleted from it, which no longer exists to be a scope itself.

One statement per scope type answers for a whole batch of (event, viewer) pairs: the rule,
written on `$viewerId`, is applied to each viewer in turn, and the viewers who pass come back
collected, one row per event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from app import cypher
from app.db import Database
from app.event_log import LoggedEvent
from schema.loading import NodeKind
from schema.node import node_kind

_VIEWER_PARAMETER = re.compile(r"\$viewerId\b")
Pair = tuple[int, str | None]
_scopes: dict[str, NodeKind] = {}


def register_scope(scope_type: str, kind: NodeKind) -> None:
    """Let events name `scope_type` as their scope: visible to whoever `kind`'s rule lets see
    the scope node (of `kind`'s label), for an audience no registered node type has."""
    if node_kind(scope_type) is not None:
        raise ValueError(f"{scope_type!r} is a node type, with a rule of its own")
    _scopes[scope_type] = kind


@cache
def _statement(kind: NodeKind) -> str:
    """The batch check of `kind`'s visibility rule, on each pair's scope and viewer."""
    return cypher.rendered("queries/events/scope_visible", label=kind.label,
                           visible=_VIEWER_PARAMETER.sub("viewerId", kind.visibility))


async def visible_pairs(db: Database,
                        pairs: list[tuple[LoggedEvent, str | None]]) -> set[Pair]:
    """The (seq, viewer id) pairs of `pairs` whose viewer may see the event now."""
    allowed: set[Pair] = set()
    by_scope: dict[str, list[tuple[LoggedEvent, str | None]]] = defaultdict(list)
    for event, viewer_id in pairs:
        if event.recipient_id is not None:
            if viewer_id == event.recipient_id:
                allowed.add((event.seq, viewer_id))
        else:
            by_scope[event.scope_type].append((event, viewer_id))
    for scope_type, asked in by_scope.items():
        kind = node_kind(scope_type) or _scopes.get(scope_type)
        if kind is None:
            continue
        events: dict[int, tuple[str, list[str | None]]] = {}
        for event, viewer_id in asked:
            events.setdefault(event.seq, (event.scope_id, []))[1].append(viewer_id)
        # one row per event, its viewers collected: a thousand subscribers are one record
        records = await db.read(_statement(kind), {"events": [
            {"seq": seq, "scopeId": scope_id, "viewers": viewers}
            for seq, (scope_id, viewers) in events.items()]})
        allowed.update((record["seq"], viewer or None)
                       for record in records for viewer in record["viewers"])
    return allowed
