"""Recommendations, each with its reasons: partners for a proposal, and for the signed-in
viewer proposals to answer, communities to join and people to follow.

Each is one statement (`queries/network/recommend_*`) that starts from the proposal or the
viewer, gathers the signals around it, scores the candidates, keeps the best `first` and reads
the facts that explain them; the nodes those facts name load in one more round trip, when
asked for. A score lies between 0 and 1; the weights below are what it adds up, and the
statements' headers say how. Nothing the viewer may not see is recommended, and a fact only
names what the viewer may see.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from app import cypher
from app.context import Context
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.communities.types import COMMUNITY, Community
from schema.loading import NodeKind
from schema.mutations import require_viewer
from schema.network.reasons import (
    Fact,
    ReasonFacts,
    RecommendationReasonKind,
    community_reason,
    partner_reason,
    person_reason,
    proposal_reason,
    reasons,
)
from schema.network.ties import bounded
from schema.node import Node, resolve_node
from schema.opportunities.types import EXPRESSION_OF_INTEREST, PROPOSAL, Proposal

DEFAULT_RECOMMENDATIONS = 10
MAX_RECOMMENDATIONS = 50

# The weights of each score, named as the statement's parameters (its header gives the formula).
# Partners for a proposal: fit * (baseWeight + areaWeight * area + proximityWeight * proximity).
# `fit` is the share of the sought competences the organization holds (one held only through a
# narrower competence counts narrowerFit); `area` its projects in the proposal's S3 areas, up
# to areaCap, over areaCap; `proximity` 1 for a partner in a project of the proposer, secondHop
# for a partner of such a partner. Fit decides first: holding every sought competence scores
# at least baseWeight, holding half at most half.
PARTNER_WEIGHTS = {"baseWeight": 0.6, "areaWeight": 0.25, "proximityWeight": 0.15,
                   "narrowerFit": 0.75, "areaCap": 3, "secondHop": 0.5}
# Proposals for the viewer: skillWeight * the share of the sought competences their skills
# match + organizationWeight * the share their organizations hold + interestWeight * the share
# of the proposal's sought competences and S3 areas that interest them.
PROPOSAL_WEIGHTS = {"skillWeight": 0.4, "organizationWeight": 0.25, "interestWeight": 0.35}
# Communities to join: interestWeight * the share of its S3 areas that interest the viewer +
# projectWeight * the share that are areas of their projects + followedWeight * the people
# they follow among its members, up to followedCap, over followedCap.
COMMUNITY_WEIGHTS = {"interestWeight": 0.5, "projectWeight": 0.25, "followedWeight": 0.25,
                     "followedCap": 3}
# People to follow: projectWeight * projects in common, up to projectCap, over projectCap +
# skillWeight * the share of the viewer's skills they have + interestWeight * the share of the
# viewer's interests they share.
PEOPLE_WEIGHTS = {"projectWeight": 0.4, "skillWeight": 0.3, "interestWeight": 0.3,
                  "projectCap": 2}

T = TypeVar("T")


class RelatedNodes:
    """The nodes named by the reasons of every recommendation of one read, loaded together
    the first time any reason's `related` is asked for: one round trip for all of them,
    however many recommendations (and proposals) were read, and none when nobody asks."""

    def __init__(self, references: list[tuple[str, str]]) -> None:
        self.references = list(dict.fromkeys(references))
        self._loading: asyncio.Task[dict[tuple[str, str], Node | None]] | None = None

    async def get(self, context: Context) -> dict[tuple[str, str], Node | None]:
        """Every node by (type name, node id); None for one the viewer may not see."""
        if self._loading is None:
            self._loading = asyncio.ensure_future(self._load(context))
        return await self._loading

    async def _load(self, context: Context) -> dict[tuple[str, str], Node | None]:
        found = await asyncio.gather(*(resolve_node(context, type_name, node_id)
                                       for type_name, node_id in self.references))
        return dict(zip(self.references, found, strict=True))


@strawberry.type(description="One reason for a recommendation: a fact, as a sentence and the "
                 "nodes it names.")
class RecommendationReason:
    kind: RecommendationReasonKind
    text: str = strawberry.field(description="The fact in English, e.g. \"Holds Additive "
                                 "manufacturing (a distinctive competence)\".")
    related_ids: strawberry.Private[tuple[tuple[str, str], ...]]
    nodes: strawberry.Private[RelatedNodes]

    @strawberry.field(description="The nodes the fact names (competences, S3 areas, projects, "
                      "organizations, people), in the order the sentence names them.")
    async def related(self, info: strawberry.Info[Context, None]) -> list[Node]:
        found = await self.nodes.get(info.context)
        return [node for node in (found[reference] for reference in self.related_ids)
                if node is not None]


@strawberry.type
class Recommendation(Generic[T]):
    node: T = strawberry.field(description="What is recommended.")
    score: float = strawberry.field(
        description="How well it fits, from 0 to 1 (README, \"Recommendations\").")
    reasons: list[RecommendationReason] = strawberry.field(
        description="Why it is recommended: the facts its score rests on.")


@strawberry.type(description="An organization suggested as a partner for a proposal.")
class OrganizationRecommendation(Recommendation[Organization]):
    pass


@strawberry.type(description="A proposal recommended to the viewer.")
class ProposalRecommendation(Recommendation[Proposal]):
    pass


@strawberry.type(description="A community recommended to the viewer to join.")
class CommunityRecommendation(Recommendation[Community]):
    pass


@strawberry.type(description="A person recommended to the viewer to follow.")
class UserRecommendation(Recommendation[User]):
    pass


R = TypeVar("R", bound=Recommendation[Any])


@dataclass(frozen=True)
class Explained:
    """A recommended node as read (its fields), its score and its reasons."""

    node: dict[str, Any]
    score: float
    reasons: list[ReasonFacts]


def _explained(items: Iterable[dict[str, Any]],
               explain: Callable[[Fact], ReasonFacts]) -> list[Explained]:
    """A statement's items with their facts explained, best first (ties by node id)."""
    ranked = sorted(items, key=lambda item: (-item["score"], item["node"]["id"]))
    return [Explained(item["node"], item["score"], reasons(item["facts"], explain))
            for item in ranked]


def _related_nodes(read: Iterable[list[Explained]]) -> RelatedNodes:
    """The nodes every reason of these recommendations names, to be loaded together."""
    return RelatedNodes([reference for items in read for item in items
                         for reason in item.reasons for reference in reason.related])


def _recommendations(items: list[Explained], nodes: RelatedNodes, make: Callable[..., R],
                     build: Callable[[dict[str, Any]], Any]) -> list[R]:
    return [make(node=build(item.node), score=round(item.score, 6), reasons=[
        RecommendationReason(kind=reason.kind, text=reason.text, related_ids=reason.related,
                             nodes=nodes) for reason in item.reasons]) for item in items]


def _first(first: int) -> int:
    return bounded(first, 1, MAX_RECOMMENDATIONS, "first")


async def suggested_partners(info: strawberry.Info[Context, None], proposal_id: str,
                             first: int) -> list[OrganizationRecommendation] | None:
    """The partners suggested for a proposal, or None when the viewer neither speaks for its
    proposer nor facilitates. The proposals of one request are read together, and so are
    the nodes their reasons name."""
    context, size = info.context, _first(first)

    async def batch(proposal_ids: list[str]
                    ) -> list[tuple[list[Explained], RelatedNodes] | None]:
        text = cypher.rendered(
            "queries/network/recommend_partners",
            proposal_visible=PROPOSAL.visibility_of("proposal"),
            interest_visible=EXPRESSION_OF_INTEREST.visibility_of("interest"),
            organization_visible=ORGANIZATION.visibility_of("organization"),
            projection=ORGANIZATION.projection)
        records = await context.db.read(text, {
            "proposalIds": proposal_ids, "viewerId": context.viewer_id, "first": size,
            **PARTNER_WEIGHTS})
        found = {record["anchorId"]: _explained(record["items"], partner_reason)
                 for record in records}
        nodes = _related_nodes(found.values())
        return [(found[proposal_id], nodes) if proposal_id in found else None
                for proposal_id in proposal_ids]

    read = await context.loader(("suggested partners", size), batch).load(proposal_id)
    if read is None:
        return None
    items, nodes = read
    return _recommendations(items, nodes, OrganizationRecommendation, Organization.from_fields)


async def _for_viewer(info: strawberry.Info[Context, None], statement: str, kind: NodeKind,
                      variable: str, weights: dict[str, float | int], first: int,
                      make: Callable[..., R], build: Callable[[dict[str, Any]], Any],
                      explain: Callable[[Fact], ReasonFacts]) -> list[R]:
    """The recommendations of `kind` a statement makes to the signed-in viewer."""
    viewer_id, size = require_viewer(info), _first(first)
    text = cypher.rendered(f"queries/network/{statement}",
                           visible=kind.visibility_of(variable), projection=kind.projection)
    records = await info.context.db.read(text, {"viewerId": viewer_id, "first": size,
                                                **weights})
    items = _explained(records[0]["items"] if records else [], explain)
    return _recommendations(items, _related_nodes([items]), make, build)


First = Annotated[int, strawberry.argument(
    description=f"How many at most, 1 to {MAX_RECOMMENDATIONS}.")]


@strawberry.type
class RecommendationQueries:
    @strawberry.field(description="Open proposals for the signed-in viewer, best first: those "
                      "seeking their skills, the competences of their organizations or their "
                      "interests, or tagged with S3 areas of interest (a skill or competence "
                      "matches a sought one it is, or is narrower than); never their own, "
                      "their organizations', or those they expressed interest in or follow.")
    async def recommended_proposals(
        self, info: strawberry.Info[Context, None], first: First = DEFAULT_RECOMMENDATIONS,
    ) -> list[ProposalRecommendation]:
        return await _for_viewer(info, "recommend_proposals", PROPOSAL, "proposal",
                                 PROPOSAL_WEIGHTS, first, ProposalRecommendation,
                                 Proposal.from_fields, proposal_reason)

    @strawberry.field(description="Communities for the signed-in viewer to join, best first: "
                      "open and reserved ones focusing on S3 areas of their interests or "
                      "projects, or where people they follow are members; never one they "
                      "belong to or have asked to join, been invited to or been refused by.")
    async def recommended_communities(
        self, info: strawberry.Info[Context, None], first: First = DEFAULT_RECOMMENDATIONS,
    ) -> list[CommunityRecommendation]:
        return await _for_viewer(info, "recommend_communities", COMMUNITY, "community",
                                 COMMUNITY_WEIGHTS, first, CommunityRecommendation,
                                 Community.from_fields, community_reason)

    @strawberry.field(description="People for the signed-in viewer to follow, best first: "
                      "those working on the same projects, with the same skills or the same "
                      "interests; never the viewer or someone they already follow.")
    async def people_to_follow(
        self, info: strawberry.Info[Context, None], first: First = DEFAULT_RECOMMENDATIONS,
    ) -> list[UserRecommendation]:
        return await _for_viewer(info, "recommend_people", USER, "person", PEOPLE_WEIGHTS,
                                 first, UserRecommendation, User.from_fields, person_reason)
