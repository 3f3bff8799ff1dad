"""Who may learn of an event: the audience the event hub asks before handing events over.

An event is visible to a viewer when the viewer may see its scope (the object itself, or the
object whose visibility decides, such as the community of a deleted comment), by the same
visibility rule every read of that type applies (`NodeKind.visible`), evaluated at delivery
time, so a person who has left a reserved community stops receiving its events at once. An
event with a recipient (a notification) is visible to that person only. A scope may also be a
side of an object whose rule is stricter than the object's own (`SIDES`): the content of a
community (a RESERVED community is visible to all, its member list only to its members), the
people who manage a community or an organization (who see its pending memberships), the
private side of a project (its documents). A scope of a type without a registered rule, or one
that no longer exists, is visible to nobody.

Visibility rules only grant (none says "everyone but"): what an anonymous visitor may see,
everyone may. So one check as an anonymous visitor settles a public event for all its
subscribers, and only the others are checked viewer by viewer. For those, one statement per
scope type answers for a whole batch of (event, viewer) pairs: the rule,
written on `$viewerId`, is applied to each viewer in turn, and the viewers who pass come back
collected, one row per event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from app import cypher
from app.db import Database
from app.event_log import LoggedEvent
from schema.loading import NodeKind
from schema.node import node_kind

_VIEWER_PARAMETER = re.compile(r"\$viewerId\b")
Pair = tuple[int, str | None]

# Scope types naming a side of an object (the object's id is the scope id), each with the rule
# of those who may read that side.
SIDES: Mapping[str, NodeKind] = MappingProxyType({
    "CommunityContent": NodeKind("Community", "communities/community_fields",
                                 "communities/community_content_visible"),
    "CommunityManagement": NodeKind("Community", "communities/community_fields",
                                    "communities/community_managed"),
    "OrganizationManagement": NodeKind("Organization", "actors/organization_fields",
                                       "actors/organization_administered"),
    "ProjectPrivate": NodeKind("Project", "projects/project_fields",
                               "projects/project_entitled"),
    # A proposal's events keep the audience of the status it had then: a draft's history
    # does not become public when the proposal is published.
    "ProposalDraft": NodeKind("Proposal", "opportunities/proposal_fields",
                              "opportunities/proposal_draft_visible"),
    "ProposalInReview": NodeKind("Proposal", "opportunities/proposal_fields",
                                 "opportunities/proposal_review_visible"),
})


@cache
def _statement(kind: NodeKind) -> str:
    """The batch check of `kind`'s visibility rule, on each pair's scope and viewer."""
    return cypher.rendered("queries/events/scope_visible", label=kind.label,
                           visible=_VIEWER_PARAMETER.sub("viewerId", kind.visibility))


async def _allowed(db: Database, kind: NodeKind,
                   events: dict[int, tuple[str, list[str | None]]]) -> dict[int, list[str | None]]:
    """For each event (seq: its scope id and the viewers asked), the viewers that `kind`'s
    rule lets see its scope; events nobody may see are left out."""
    # one row per event, its viewers collected: a thousand subscribers are one record
    records = await db.read(_statement(kind), {"events": [
        {"seq": seq, "scopeId": scope_id, "viewers": viewers}
        for seq, (scope_id, viewers) in events.items()]})
    return {record["seq"]: [viewer or None for viewer in record["viewers"]]
            for record in records}


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
        kind = node_kind(scope_type) or SIDES.get(scope_type)
        if kind is None:
            continue
        events: dict[int, tuple[str, list[str | None]]] = {}
        for event, viewer_id in asked:
            events.setdefault(event.seq, (event.scope_id, []))[1].append(viewer_id)
        # Rules only grant: what an anonymous visitor may see, everyone may. One cheap check
        # settles public events for all their viewers; only the others are asked viewer by
        # viewer.
        public = await _allowed(db, kind, {seq: (scope_id, [None])
                                           for seq, (scope_id, _) in events.items()})
        allowed.update((seq, viewer) for seq in public for viewer in events[seq][1])
        private = {seq: found for seq, found in events.items() if seq not in public}
        if private:
            allowed.update((seq, viewer) for seq, viewers in
                           (await _allowed(db, kind, private)).items() for viewer in viewers)
    return allowed
