"""The status machines of proposals and expressions of interest, in one place.

Each mutation that changes a status is one row: the statuses it may start from, the statuses
it may lead to, who may make it, the event it records, and what follows it in the same
transaction (notifications, each with its own event). One statement
(cypher/queries/opportunities/change_status.cypher) carries out every row, and answers
INVALID_TRANSITION, changing nothing and recording nothing, for a status the row does not
start from.

Proposals: DRAFT → TO_VALIDATE (submit) → PUBLISHED (validate: a facilitator's validation is
the publication; there is no separate "publish") → CLOSED (close) → ARCHIVED (archive, also
straight from PUBLISHED). A facilitator may send a proposal awaiting validation back to DRAFT
with a reason. A proposal is edited only while it is a DRAFT (sent back ones included).
Expressions of interest: SUBMITTED → WITHDRAWN (its author) or RELEVANT | REJECTED (the
proposer's decision; for an EEN proposal, which has no proposer on the platform, that of a
facilitator of the region's EEN contact point, who follows it up).
"""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from app.context import Context
from schema.events.types import EventType
from schema.loading import NodeKind, applied, fragment
from schema.mutations import new_id, write_statement
from schema.opportunities.types import EXPRESSION_OF_INTEREST, PROPOSAL

# At most this many people are told of a proposal's publication, the best matches first
# (cypher/queries/opportunities/notify_matching_people.cypher).
PUBLICATION_NOTICES = 200


def _anyone(*rules: str, variable: str = "subject") -> str:
    """Who may act, as a predicate on the node `variable`: any of the access rules."""
    return "(" + " OR ".join(applied(f"access/{rule}", variable) for rule in rules) + ")"


def _proposer_of_its_proposal() -> str:
    """The viewer speaks for the proposer of the proposal an expression of interest is for."""
    return ("EXISTS { MATCH (subject)-[:FOR]->(proposal:Proposal) WHERE "
            f"{applied('access/viewer_proposes', 'proposal')} }}")


def _een_follow_up_of_its_proposal() -> str:
    """The expression of interest is in an EEN proposal and the viewer follows those up."""
    return ("(EXISTS { (subject)-[:FOR]->(:Proposal {origin: 'EEN'}) } AND "
            f"{applied('access/viewer_follows_up_een', 'subject')})")


# Who may act. Platform admins may do everything; facilitators include them.
PROPOSERS = _anyone("viewer_proposes", "viewer_is_platform_admin")
FACILITATORS = _anyone("viewer_is_facilitator")
PROPOSERS_OR_FACILITATORS = _anyone("viewer_proposes", "viewer_is_facilitator")
INTEREST_AUTHORS = _anyone("viewer_expressed_interest", "viewer_is_platform_admin")
INTEREST_DECIDERS = (f"({_proposer_of_its_proposal()} OR {_een_follow_up_of_its_proposal()} "
                     f"OR {_anyone('viewer_is_platform_admin')})")


@dataclass(frozen=True)
class Transition:
    """One row of a status machine: also the event it records, and the effect that follows it
    (a fragment that returns the events of what it writes as `notices`) with as many fresh
    ids as it may create notifications."""

    kind: NodeKind
    sources: frozenset[str]
    targets: frozenset[str]
    actors: str
    event: EventType
    effect: str = "opportunities/no_effect"
    notices: int = 0

    @property
    def type_name(self) -> str:
        return self.kind.label


PROPOSAL_TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(PROPOSAL, frozenset({"DRAFT"}), frozenset({"TO_VALIDATE"}), PROPOSERS,
                         EventType.PROPOSAL_STATUS_CHANGED),
    "validate": Transition(PROPOSAL, frozenset({"TO_VALIDATE"}), frozenset({"PUBLISHED"}),
                           FACILITATORS, EventType.PROPOSAL_PUBLISHED,
                           "opportunities/notify_matching_people", PUBLICATION_NOTICES),
    "sendBack": Transition(PROPOSAL, frozenset({"TO_VALIDATE"}), frozenset({"DRAFT"}),
                           FACILITATORS, EventType.PROPOSAL_STATUS_CHANGED,
                           "opportunities/notify_sent_back", 1),
    "close": Transition(PROPOSAL, frozenset({"PUBLISHED"}), frozenset({"CLOSED"}),
                        PROPOSERS_OR_FACILITATORS, EventType.PROPOSAL_CLOSED),
    "archive": Transition(PROPOSAL, frozenset({"PUBLISHED", "CLOSED"}), frozenset({"ARCHIVED"}),
                          PROPOSERS_OR_FACILITATORS, EventType.PROPOSAL_STATUS_CHANGED),
}
# updateProposal changes no status; these are the statuses it may edit in, and who may.
EDITABLE = frozenset({"DRAFT"})
EDITORS = _anyone("viewer_proposes", "viewer_is_platform_admin", variable="proposal")
# The statuses in which a proposal takes expressions of interest (before its deadline).
OPEN_FOR_INTEREST = frozenset({"PUBLISHED"})

INTEREST_TRANSITIONS: dict[str, Transition] = {
    "withdraw": Transition(EXPRESSION_OF_INTEREST, frozenset({"SUBMITTED"}),
                           frozenset({"WITHDRAWN"}), INTEREST_AUTHORS,
                           EventType.INTEREST_WITHDRAWN),
    "decide": Transition(EXPRESSION_OF_INTEREST, frozenset({"SUBMITTED"}),
                         frozenset({"RELEVANT", "REJECTED"}), INTEREST_DECIDERS,
                         EventType.INTEREST_DECIDED, "opportunities/notify_interest_decided", 1),
}


async def change_status(info: strawberry.Info[Context, None], transition: Transition,
                        subject_id: str, target: str, note: str | None = None,
                        sets_note: bool = False) -> str:
    """Carry out `transition` to `target` on the node `subject_id` as the viewer, recording
    its events; the outcome (DONE, NOT_FOUND, FORBIDDEN or INVALID_TRANSITION)."""
    if target not in transition.targets:
        raise ValueError(f"{target} is not a target of this transition")
    record = await write_statement(info.context, "opportunities/change_status", {
        "subjectId": subject_id, "subjectType": transition.type_name,
        "eventType": transition.event.value, "sources": sorted(transition.sources),
        "target": target, "changeId": new_id(), "setsNote": sets_note, "note": note,
        "noticeIds": [new_id() for _ in range(transition.notices)],
    }, label=transition.kind.label, visible=transition.kind.visibility,
        may_act=transition.actors, effects=fragment(transition.effect))
    outcome: str = record["outcome"]
    return outcome
