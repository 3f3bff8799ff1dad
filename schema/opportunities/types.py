"""Proposals, the expressions of interest that answer them, and the keywords they carry."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app.context import Context
from schema.actors import follows
from schema.actors.follows import FollowerConnection
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.content.types import CommentConnection, CommentOrder, comments, top_level_comments
from schema.documents import documents_field
from schema.loading import (
    Conditions,
    Link,
    NodeKind,
    Relation,
    load_one,
    related_connection,
)
from schema.node import Node, register, resolve_linked
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.plans import OnePlan, RelatedPlan, compiles, read_related
from schema.taxonomy.types import (
    COMPETENCE,
    COMPETENCE_ORDER,
    S3_AREA,
    S3_AREA_ORDER,
    CompetenceConnection,
    S3AreaConnection,
    competence_edge,
    s3_area_edge,
)
from schema.values import native

if TYPE_CHECKING:
    from schema.network.recommendations import OrganizationRecommendation

PROPOSAL = NodeKind("Proposal", "opportunities/proposal_fields", "opportunities/proposal_visible")
EXPRESSION_OF_INTEREST = NodeKind("ExpressionOfInterest",
                                  "opportunities/expression_of_interest_fields",
                                  "opportunities/expression_of_interest_visible")
KEYWORD = NodeKind("Keyword", "opportunities/keyword_fields")
PROPOSAL_FILTER = Conditions("opportunities/proposal_filter")
NEWEST_FIRST = SortKey("n.createdAt", kind="datetime", descending=True)


@strawberry.enum(description="What a proposal offers or asks for.")
class ProposalKind(Enum):
    COLLABORATION = "COLLABORATION"
    CHALLENGE = "CHALLENGE"
    TECHNOLOGY_OFFER = "TECHNOLOGY_OFFER"
    TECHNOLOGY_REQUEST = "TECHNOLOGY_REQUEST"
    BUSINESS_OFFER = "BUSINESS_OFFER"
    BUSINESS_REQUEST = "BUSINESS_REQUEST"
    RESEARCH_DEVELOPMENT_REQUEST = "RESEARCH_DEVELOPMENT_REQUEST"


@strawberry.enum(description="Where a proposal comes from.")
class ProposalOrigin(Enum):
    TERRITORY = strawberry.enum_value("TERRITORY", description="Posted on the platform.")
    EEN = strawberry.enum_value(
        "EEN", description="A partnership profile of the Enterprise Europe Network.")


@strawberry.enum(description="Where a proposal stands: drafted, validated by a facilitator, "
                 "published, then closed or archived.")
class ProposalStatus(Enum):
    DRAFT = "DRAFT"
    TO_VALIDATE = "TO_VALIDATE"
    PUBLISHED = "PUBLISHED"
    CLOSED = "CLOSED"
    ARCHIVED = "ARCHIVED"


@strawberry.enum(description="A kind of partnership a proposal seeks.")
class CollaborationType(Enum):
    RESEARCH = "RESEARCH"
    TECHNICAL_COOPERATION = "TECHNICAL_COOPERATION"
    LICENSE = "LICENSE"
    JOINT_VENTURE = "JOINT_VENTURE"
    SUBCONTRACTING = "SUBCONTRACTING"
    COMMERCIAL_AGREEMENT = "COMMERCIAL_AGREEMENT"


@strawberry.enum(description="How far the technology or idea of a proposal has come.")
class DevelopmentStage(Enum):
    IDEA = "IDEA"
    LAB_TESTED = "LAB_TESTED"
    DEMONSTRABLE = "DEMONSTRABLE"
    ON_THE_MARKET = "ON_THE_MARKET"


@strawberry.enum(description="How the intellectual property of a proposal is protected.")
class IntellectualProperty(Enum):
    NONE = "NONE"
    SECRET_KNOW_HOW = "SECRET_KNOW_HOW"  # noqa: S105 (a kind of protection, not a password)
    PATENT_PENDING = "PATENT_PENDING"
    PATENT_GRANTED = "PATENT_GRANTED"


@strawberry.enum(description="The classification a keyword belongs to.")
class KeywordScheme(Enum):
    TECHNOLOGY = "TECHNOLOGY"
    MARKET = "MARKET"
    NACE = strawberry.enum_value("NACE", description="The EU's classification of activities.")


@strawberry.enum(description="Where an expression of interest stands.")
class InterestStatus(Enum):
    SUBMITTED = "SUBMITTED"
    RELEVANT = "RELEVANT"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


def _optional(enum: type[Enum], value: str | None) -> Any:
    return enum(value) if value else None


@strawberry.type(description="A technology, market or NACE keyword, shared by the proposals "
                 "that carry it.")
class Keyword(Node):
    scheme: KeywordScheme
    code: str
    label: str

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Keyword:
        return cls(node_id=fields["id"], scheme=KeywordScheme(fields["scheme"]),
                   code=fields["code"], label=fields["label"])


@strawberry.type(description="A collaboration proposal: a call for partners posted on the "
                 "platform, or a partnership profile of the Enterprise Europe Network.")
class Proposal(Node):
    title: str
    summary: str | None
    description: str | None
    kind: ProposalKind
    origin: ProposalOrigin
    status: ProposalStatus
    collaboration_types: list[CollaborationType] = strawberry.field(
        description="The kinds of partnership sought.")
    development_stage: DevelopmentStage | None
    ipr: IntellectualProperty | None = strawberry.field(
        description="How the intellectual property is protected.")
    deadline: date | None = strawberry.field(description="The last day to express interest.")
    external_ref: str | None = strawberry.field(
        description="The reference of the EEN partnership profile.")
    country: str | None = strawberry.field(
        description="The proposer's ISO 3166-1 alpha-2 country code.")
    international_dissemination: bool = strawberry.field(
        description="Whether a facilitator marked the proposal for international "
        "dissemination through EEN (setProposalDissemination): while published, it is in the "
        "EEN export.")
    created_at: datetime
    interest_count: int = strawberry.field(
        description="How many expressions of interest the proposal received, whatever their "
        "state; each one is visible to its author, to platform admins, and to whoever answers "
        "it: for a territorial proposal whoever made it and the facilitators, for an EEN "
        "proposal the facilitators of the region's EEN contact point.")
    follower_count: int = strawberry.field(description="How many people follow the proposal.")
    comment_count: int = strawberry.field(description="How many comments, replies included.")
    review_note: str | None = strawberry.field(
        description="The note of the facilitator's latest review: why it was sent back, or "
        "the note given with its validation. Only for those who speak for the proposer and "
        "for facilitators; null for anyone else.")
    documents = documents_field("Proposal")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Proposal:
        return cls(
            node_id=fields["id"], title=fields["title"], summary=fields.get("summary"),
            description=fields.get("description"), kind=ProposalKind(fields["kind"]),
            origin=ProposalOrigin(fields["origin"]), status=ProposalStatus(fields["status"]),
            collaboration_types=[CollaborationType(value)
                                 for value in fields.get("collaborationTypes") or []],
            development_stage=_optional(DevelopmentStage, fields.get("developmentStage")),
            ipr=_optional(IntellectualProperty, fields.get("ipr")),
            deadline=native(fields.get("deadline")), external_ref=fields.get("externalRef"),
            country=fields.get("country"),
            international_dissemination=bool(fields.get("internationalDissemination")),
            created_at=native(fields["createdAt"]),
            interest_count=fields["interestCount"], follower_count=fields["followerCount"],
            comment_count=fields["commentCount"], review_note=fields.get("reviewNote"),
        )

    @strawberry.field(description="The top-level comments on the proposal (replies hang below "
                      "them); oldest first unless ordered.")
    async def comments(
        self, info: strawberry.Info[Context, None], order_by: CommentOrder | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> CommentConnection:
        return await comments(info, PROPOSAL_COMMENTS, self.node_id, order_by, first, after,
                              last, before)

    @strawberry.field(description="The person who posted the proposal; null for EEN profiles.")
    async def proposed_by(self, info: strawberry.Info[Context, None]) -> User | None:
        fields = await load_one(info.context, PROPOSER, self.node_id)
        return User.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The organization the proposal is made for, if any.")
    @compiles(lambda: OnePlan(PROPOSING_ORGANIZATION))
    async def proposing_organization(
            self, info: strawberry.Info[Context, None]) -> Organization | None:
        fields = await load_one(info.context, PROPOSING_ORGANIZATION, self.node_id)
        return Organization.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The competences the proposal seeks, by name.")
    @compiles(lambda: _sought_competences_plan())
    async def sought_competences(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> CompetenceConnection:
        return await read_related(info, _sought_competences_plan(), self,
                                  CompetenceConnection, first, after, last, before)

    @strawberry.field(description="The S3 areas the proposal is tagged with, by code.")
    async def s3_areas(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> S3AreaConnection:
        return await related_connection(info, PROPOSAL_AREAS, self.node_id, s3_area_edge,
                                        S3AreaConnection, first, after, last, before)

    @strawberry.field(description="The keywords of the proposal, by label.")
    async def keywords(
        self, info: strawberry.Info[Context, None],
        scheme: Annotated[KeywordScheme | None, strawberry.argument(
            description="Only the keywords of this scheme.")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> KeywordConnection:
        return await related_connection(
            info, PROPOSAL_KEYWORDS, self.node_id, keyword_edge, KeywordConnection,
            first, after, last, before, {"scheme": scheme.value if scheme else None})

    @strawberry.field(description="The expressions of interest in the proposal that the viewer "
                      "may see, newest first: a member's own, with their status (and who "
                      "follows them up); every one for those who answer them.")
    async def expressions_of_interest(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ExpressionOfInterestConnection:
        return await related_connection(
            info, PROPOSAL_INTERESTS, self.node_id, expression_of_interest_edge,
            ExpressionOfInterestConnection, first, after, last, before)

    @strawberry.field(description="Organizations suggested as partners, best first: those "
                      "holding the competences it seeks (or narrower ones), ranked by that fit, "
                      "their past projects in its S3 areas and how close they are to the "
                      "proposer in the partnership network; never the proposer's own, those "
                      "that expressed interest or partners of projects it led to. Only for "
                      "those who speak for the proposer and for facilitators; null for anyone "
                      "else.")
    async def suggested_partners(
        self, info: strawberry.Info[Context, None],
        first: Annotated[int, strawberry.argument(
            description="How many at most, 1 to 50.")] = 10,
    ) -> list[Annotated[OrganizationRecommendation,
                        strawberry.lazy("schema.network.recommendations")]] | None:
        from schema.network.recommendations import suggested_partners

        return await suggested_partners(info, self.node_id, first)

    @strawberry.field(description="The people who follow the proposal, most recent first.")
    async def followers(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> FollowerConnection:
        return await follows.followers(info, "Proposal", self.node_id, first, after, last,
                                       before)


@strawberry.type(description="An answer to a proposal: someone offering to take part. Visible to "
                 "its author and to platform admins; in a territorial proposal also to whoever "
                 "made it (the person, or the admins of the organization, that proposed it) "
                 "and to facilitators; in an EEN proposal to the facilitators of the region's "
                 "EEN contact point, who follow it up, and to no other facilitator.")
class ExpressionOfInterest(Node):
    contribution: str | None = strawberry.field(description="What the author offers to bring.")
    message: str | None
    status: InterestStatus
    created_at: datetime

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> ExpressionOfInterest:
        return cls(node_id=fields["id"], contribution=fields.get("contribution"),
                   message=fields.get("message"), status=InterestStatus(fields["status"]),
                   created_at=native(fields["createdAt"]))

    @strawberry.field(description="The person who expressed the interest.")
    async def author(self, info: strawberry.Info[Context, None]) -> User | None:
        fields = await load_one(info.context, INTEREST_AUTHOR, self.node_id)
        return User.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The proposal it answers; null when the viewer may not "
                      "see it (once archived, for its author).")
    async def proposal(self, info: strawberry.Info[Context, None]) -> Proposal | None:
        fields = await load_one(info.context, INTEREST_PROPOSAL, self.node_id)
        return Proposal.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The organization the author speaks for, if any.")
    async def on_behalf_of(self, info: strawberry.Info[Context, None]) -> Organization | None:
        fields = await load_one(info.context, INTEREST_ORGANIZATION, self.node_id)
        return Organization.from_fields(fields) if fields is not None else None

    @strawberry.field(description="For an interest in an EEN proposal, the organization that "
                      "follows it up: the region's EEN contact point (null while none is "
                      "named). Null for a territorial proposal, whose proposer answers.")
    async def followed_up_by(self, info: strawberry.Info[Context, None]) -> Organization | None:
        found = await resolve_linked(info.context, INTEREST_FOLLOW_UP, self.node_id)
        return found if isinstance(found, Organization) else None


@strawberry.type(description="A proposal in a list.")
class ProposalEdge(Edge[Proposal]):
    pass


@strawberry.type(description="A page of proposals.")
class ProposalConnection(Connection[ProposalEdge]):
    pass


@strawberry.type(description="A proposal someone follows, and since when.")
class FollowedProposalEdge(Edge[Proposal]):
    since: datetime = strawberry.field(description="When the following started.")


@strawberry.type(description="A page of the proposals someone follows.")
class FollowedProposalConnection(Connection[FollowedProposalEdge]):
    pass


@strawberry.type(description="An expression of interest in a list.")
class ExpressionOfInterestEdge(Edge[ExpressionOfInterest]):
    pass


@strawberry.type(description="A page of expressions of interest.")
class ExpressionOfInterestConnection(Connection[ExpressionOfInterestEdge]):
    pass


@strawberry.type(description="A keyword in a list.")
class KeywordEdge(Edge[Keyword]):
    pass


@strawberry.type(description="A page of keywords.")
class KeywordConnection(Connection[KeywordEdge]):
    pass



def expression_of_interest_edge(cursor: str, item: dict[str, Any]) -> ExpressionOfInterestEdge:
    """An expression of interest edge from a loaded item."""
    return ExpressionOfInterestEdge(cursor=cursor,
                                    node=ExpressionOfInterest.from_fields(item["node"]))



PROPOSER = Relation("Proposal", "PROPOSED", outgoing=False, target=USER)
PROPOSING_ORGANIZATION: Relation = Relation("Proposal", "PROPOSED", outgoing=False,
                                            target=ORGANIZATION)
SOUGHT_COMPETENCES = Relation("Proposal", "SEEKS", outgoing=True, target=COMPETENCE,
                              sort=COMPETENCE_ORDER)
PROPOSAL_AREAS = Relation("Proposal", "TAGGED", outgoing=True, target=S3_AREA,
                          sort=S3_AREA_ORDER)
PROPOSAL_KEYWORDS = Relation("Proposal", "HAS_KEYWORD", outgoing=True, target=KEYWORD,
                             sort=SortKey("n.label"),
                             where=Conditions("opportunities/keyword_filter"))
PROPOSAL_INTERESTS = Relation("Proposal", "FOR", outgoing=False, target=EXPRESSION_OF_INTEREST,
                              sort=NEWEST_FIRST)
INTEREST_AUTHOR = Relation("ExpressionOfInterest", "EXPRESSED", outgoing=False, target=USER)
INTEREST_PROPOSAL = Relation("ExpressionOfInterest", "FOR", outgoing=True, target=PROPOSAL)
INTEREST_ORGANIZATION = Relation("ExpressionOfInterest", "ON_BEHALF_OF", outgoing=True,
                                 target=ORGANIZATION)
# Who follows up an interest in an EEN proposal: the organization holding the contact point.
INTEREST_FOLLOW_UP = Link("ExpressionOfInterest", "(p)-[:FOR]->(:Proposal {origin: 'EEN'}), "
                          "(:EenContactPoint)-[:HELD_BY]->(n:Organization)")
# The proposals of a person or an organization, in the order a connection asks for.
USER_PROPOSALS = Relation("User", "PROPOSED", outgoing=True, target=PROPOSAL,
                          sort=NEWEST_FIRST, where=PROPOSAL_FILTER)
ORGANIZATION_PROPOSALS = Relation("Organization", "PROPOSED", outgoing=True, target=PROPOSAL,
                                  sort=NEWEST_FIRST, where=PROPOSAL_FILTER)
USER_INTERESTS = Relation("User", "EXPRESSED", outgoing=True, target=EXPRESSION_OF_INTEREST,
                          sort=NEWEST_FIRST)

register("Proposal", PROPOSAL, Proposal.from_fields)
register("ExpressionOfInterest", EXPRESSION_OF_INTEREST, ExpressionOfInterest.from_fields)
register("Keyword", KEYWORD, Keyword.from_fields)

PROPOSAL_COMMENTS = top_level_comments("Proposal")

proposal_edge = node_edge(ProposalEdge, Proposal)
keyword_edge = node_edge(KeywordEdge, Keyword)


def _sought_competences_plan() -> RelatedPlan:
    return RelatedPlan(SOUGHT_COMPETENCES, competence_edge)
