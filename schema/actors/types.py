"""People and organizations, their memberships, interests, skills and competences."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app.context import Context
from schema.loading import NodeKind, Relation, related_connection
from schema.node import Node, register
from schema.notifications.actor_fields import UserNotifications
from schema.opportunities.actor_fields import OrganizationOpportunities, UserOpportunities
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.plans import RelatedPlan, compiles, read_related
from schema.taxonomy.types import (
    COMPETENCE,
    COMPETENCE_ORDER,
    S3_AREA,
    S3_AREA_ORDER,
    Competence,
    CompetenceConnection,
    Province,
    S3AreaConnection,
    competence_edge,
    s3_area_edge,
)
from schema.values import native, shown
from schema.webhooks.actor_fields import UserWebhooks

if TYPE_CHECKING:
    from schema.actors.follows import (
        FollowedOrganizationConnection,
        FollowedUserConnection,
        FollowerConnection,
    )
    from schema.communities.types import (
        DiscussionConnection,
        DiscussionOrder,
        FollowedCommunityConnection,
        MembershipFilter,
        UserCommunityConnection,
    )
    from schema.content.types import NewsConnection, NewsOrder
    from schema.projects.types import (
        FollowedProjectConnection,
        OrganizationProjectConnection,
        UserProjectConnection,
    )

# Types of the domains built on actors, which refer back to them (resolved when the schema is).
_FOLLOWS = strawberry.lazy("schema.actors.follows")
_COMMUNITIES = strawberry.lazy("schema.communities.types")
_CONTENT = strawberry.lazy("schema.content.types")
_PROJECTS = strawberry.lazy("schema.projects.types")

USER = NodeKind("User", "actors/user_fields")
# A partner's edge is made with the organization as its node, of nothing but its id.
ORGANIZATION = NodeKind("Organization", "actors/organization_fields", made_of=())


@strawberry.enum(description="What kind of actor an organization is.")
class OrganizationKind(Enum):
    COMPANY = "COMPANY"
    STARTUP = "STARTUP"
    SME = "SME"
    LARGE_COMPANY = "LARGE_COMPANY"
    UNIVERSITY = "UNIVERSITY"
    RESEARCH_CENTRE = "RESEARCH_CENTRE"
    PUBLIC_ADMINISTRATION = "PUBLIC_ADMINISTRATION"
    ASSOCIATION = "ASSOCIATION"
    OTHER = "OTHER"


@strawberry.enum(description="A person's role in an organization.")
class OrganizationRole(Enum):
    ADMIN = "ADMIN"
    MEMBER = "MEMBER"


@strawberry.enum(description="How well a person masters a competence.")
class SkillLevel(Enum):
    BASIC = "BASIC"
    INTERMEDIATE = "INTERMEDIATE"
    ADVANCED = "ADVANCED"
    EXPERT = "EXPERT"



def _province(value: str | None) -> Province | None:
    return Province(value) if value else None


@strawberry.type(description="A person with a profile on the platform.")
class User(Node, UserOpportunities, UserNotifications, UserWebhooks):
    handle: str
    display_name: str
    headline: str | None
    bio: str | None
    locale: str | None
    province: Province | None
    created_at: datetime
    follower_count: int = strawberry.field(description="How many people follow the person.")
    email: str | None = strawberry.field(
        description="The person's email address: only for the person and platform admins, "
        "null for anyone else.")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> User:
        """The person from the projection's fields, or from the id and the fields a selection
        shows (ShownProjections): the others are left None (or their default) and never read."""
        return cls(
            node_id=fields["id"], handle=shown(fields, "handle"),
            display_name=shown(fields, "displayName"), headline=fields.get("headline"),
            bio=fields.get("bio"), locale=fields.get("locale"),
            province=_province(fields.get("province")),
            created_at=shown(fields, "createdAt", native),
            follower_count=shown(fields, "followerCount"),
            unread_notification_count=fields.get("unreadNotificationCount"),
            email=fields.get("email"),
        )

    @strawberry.field(description="The organizations the person belongs to, by name.")
    @compiles(lambda: _organizations_plan())
    async def organizations(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> UserOrganizationConnection:
        return await read_related(info, _organizations_plan(), self,
                                  UserOrganizationConnection, first, after, last, before)

    @strawberry.field(description="The competences the person masters, by name.")
    @compiles(lambda: _skills_plan())
    async def skills(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> SkillConnection:
        return await read_related(info, _skills_plan(), self, SkillConnection,
                                  first, after, last, before)

    @strawberry.field(description="The S3 areas the person is interested in, by code.")
    @compiles(lambda: _interest_areas_plan())
    async def interest_areas(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> S3AreaConnection:
        return await read_related(info, _interest_areas_plan(), self, S3AreaConnection,
                                  first, after, last, before)

    @strawberry.field(description="The competences the person is interested in, by name.")
    async def interest_competences(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> CompetenceConnection:
        return await related_connection(info, USER_INTEREST_COMPETENCES, self.node_id,
                                        competence_edge, CompetenceConnection, first, after,
                                        last, before)

    @strawberry.field(description="The communities the person belongs to, by name; active "
                      "memberships unless filtered.")
    async def communities(
        self, info: strawberry.Info[Context, None],
        filter: Annotated[MembershipFilter, _COMMUNITIES] | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Annotated[UserCommunityConnection, _COMMUNITIES]:
        from schema.communities.types import user_communities
        return await user_communities(info, self.node_id, filter, first, after, last, before)

    @strawberry.field(description="The discussions the person started; latest activity first "
                      "unless ordered.")
    async def discussions(
        self, info: strawberry.Info[Context, None],
        order_by: Annotated[DiscussionOrder, _COMMUNITIES] | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Annotated[DiscussionConnection, _COMMUNITIES]:
        from schema.communities.types import user_discussions
        return await user_discussions(info, self.node_id, order_by, first, after, last, before)

    @strawberry.field(description="The people who follow the person, most recent first.")
    async def followers(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowerConnection, _FOLLOWS]:
        from schema.actors.follows import followers
        return await followers(info, "User", self.node_id, first, after, last, before)

    @strawberry.field(description="The people the person follows, most recent first.")
    async def following(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowedUserConnection, _FOLLOWS]:
        from schema.actors.follows import followed_users
        return await followed_users(info, self.node_id, first, after, last, before)

    @strawberry.field(description="The organizations the person follows, most recent first.")
    async def followed_organizations(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowedOrganizationConnection, _FOLLOWS]:
        from schema.actors.follows import followed_organizations
        return await followed_organizations(info, self.node_id, first, after, last, before)

    @strawberry.field(description="The communities the person follows, most recent first.")
    async def followed_communities(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowedCommunityConnection, _COMMUNITIES]:
        from schema.communities.types import followed_communities
        return await followed_communities(info, self.node_id, first, after, last, before)

    @strawberry.field(description="The projects the person works on, the latest started first.")
    async def projects(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[UserProjectConnection, _PROJECTS]:
        from schema.projects.types import user_projects

        return await user_projects(info, self.node_id, first, after, last, before)

    @strawberry.field(description="The projects the person follows that the viewer may see, "
                      "most recent first.")
    async def followed_projects(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowedProjectConnection, _PROJECTS]:
        from schema.projects.types import followed_projects

        return await followed_projects(info, self.node_id, first, after, last, before)


@strawberry.type(description="A company, university, research centre, public body or association.")
class Organization(Node, OrganizationOpportunities):
    name: str
    kind: OrganizationKind
    legal_form: str | None
    vat_number: str | None
    city: str | None
    province: Province | None
    country: str = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    website: str | None
    description: str | None
    founded_year: int | None
    follower_count: int = strawberry.field(description="How many people follow the organization.")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Organization:
        """The organization from the projection's fields, or from the id and the fields a
        selection shows (ShownProjections): the others are left None (or their default) and
        never read."""
        return cls(
            node_id=fields["id"], name=shown(fields, "name"),
            kind=shown(fields, "kind", OrganizationKind),
            legal_form=fields.get("legalForm"), vat_number=fields.get("vatNumber"),
            city=fields.get("city"), province=_province(fields.get("province")),
            country=fields.get("country") or "IT", website=fields.get("website"),
            description=fields.get("description"), founded_year=fields.get("foundedYear"),
            follower_count=shown(fields, "followerCount"),
        )

    @strawberry.field(description="The people who belong to the organization, by display name.")
    async def members(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> OrganizationMemberConnection:
        return await related_connection(
            info, ORGANIZATION_MEMBERS, self.node_id,
            _membership_edge(OrganizationMemberEdge, User), OrganizationMemberConnection,
            first, after, last, before)

    @strawberry.field(description="The competences the organization holds, by name.")
    @compiles(lambda: _competences_plan())
    async def competences(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> OrganizationCompetenceConnection:
        return await read_related(info, _competences_plan(), self,
                                  OrganizationCompetenceConnection, first, after, last, before)

    @strawberry.field(description="The S3 areas the organization works in, by code.")
    async def s3_areas(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> S3AreaConnection:
        return await related_connection(info, ORGANIZATION_AREAS, self.node_id, s3_area_edge,
                                        S3AreaConnection, first, after, last, before)

    @strawberry.field(description="The news published on the organization's behalf; newest "
                      "first unless ordered.")
    async def news(
        self, info: strawberry.Info[Context, None],
        order_by: Annotated[NewsOrder, _CONTENT] | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[NewsConnection, _CONTENT]:
        from schema.content.types import organization_news
        return await organization_news(info, self.node_id, order_by, first, after, last, before)

    @strawberry.field(description="The people who follow the organization, most recent first.")
    async def followers(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowerConnection, _FOLLOWS]:
        from schema.actors.follows import followers
        return await followers(info, "Organization", self.node_id, first, after, last, before)

    @strawberry.field(description="The projects the organization is a partner in, the latest "
                      "started first.")
    @compiles(lambda: _organization_projects_plan())
    async def projects(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[OrganizationProjectConnection, _PROJECTS]:
        from schema.projects.types import organization_projects

        return await organization_projects(info, self, first, after, last, before)


@strawberry.type(description="A person's membership of an organization, seen from the person.")
class UserOrganizationEdge(Edge[Organization]):
    role: OrganizationRole
    title: str | None = strawberry.field(description="The person's job title there.")
    since: date | None


@strawberry.type(description="A page of a person's organizations.")
class UserOrganizationConnection(Connection[UserOrganizationEdge]):
    pass


@strawberry.type(description="A person's membership of an organization, seen from it.")
class OrganizationMemberEdge(Edge[User]):
    role: OrganizationRole
    title: str | None = strawberry.field(description="The person's job title there.")
    since: date | None


@strawberry.type(description="A page of an organization's members.")
class OrganizationMemberConnection(Connection[OrganizationMemberEdge]):
    pass


@strawberry.type(description="A competence a person masters, and how well.")
class SkillEdge(Edge[Competence]):
    level: SkillLevel


@strawberry.type(description="A page of a person's skills.")
class SkillConnection(Connection[SkillEdge]):
    pass


@strawberry.type(description="A competence an organization holds.")
class OrganizationCompetenceEdge(Edge[Competence]):
    distinctive: bool = strawberry.field(
        description="Whether it is a distinctive competence, backed by projects and results.")


@strawberry.type(description="A page of an organization's competences.")
class OrganizationCompetenceConnection(Connection[OrganizationCompetenceEdge]):
    pass


def _membership_edge(edge_type: Any, node_type: Any) -> Any:
    def make(cursor: str, item: dict[str, Any]) -> Any:
        edge = item["edge"]
        return edge_type(cursor=cursor, node=node_type.from_fields(item["node"]),
                         role=OrganizationRole(edge["role"]), title=edge.get("title"),
                         since=native(edge.get("since")))
    return make


def _skill_edge(cursor: str, item: dict[str, Any]) -> SkillEdge:
    return SkillEdge(cursor=cursor, node=Competence.from_fields(item["node"]),
                     level=SkillLevel(item["edge"]["level"]))


def _organization_competence_edge(cursor: str, item: dict[str, Any]) -> OrganizationCompetenceEdge:
    return OrganizationCompetenceEdge(cursor=cursor, node=Competence.from_fields(item["node"]),
                                      distinctive=bool(item["edge"].get("distinctive")))




@strawberry.type(description="A person in a list.")
class UserEdge(Edge[User]):
    pass


@strawberry.type(description="A page of people.")
class UserConnection(Connection[UserEdge]):
    pass


@strawberry.type(description="An organization in a list.")
class OrganizationEdge(Edge[Organization]):
    pass


@strawberry.type(description="A page of organizations.")
class OrganizationConnection(Connection[OrganizationEdge]):
    pass


USER_ORGANIZATIONS = Relation("User", "MEMBER_OF", outgoing=True, target=ORGANIZATION,
                              sort=SortKey("n.name"))
USER_SKILLS = Relation("User", "HAS_SKILL", outgoing=True, target=COMPETENCE,
                       sort=COMPETENCE_ORDER)
USER_INTEREST_AREAS = Relation("User", "INTERESTED_IN", outgoing=True, target=S3_AREA,
                               sort=S3_AREA_ORDER)
USER_INTEREST_COMPETENCES = Relation("User", "INTERESTED_IN", outgoing=True, target=COMPETENCE,
                                     sort=COMPETENCE_ORDER)
ORGANIZATION_MEMBERS = Relation("Organization", "MEMBER_OF", outgoing=False, target=USER,
                                sort=SortKey("n.displayName"))
ORGANIZATION_COMPETENCES = Relation("Organization", "HAS_COMPETENCE", outgoing=True,
                                    target=COMPETENCE, sort=COMPETENCE_ORDER)
ORGANIZATION_AREAS = Relation("Organization", "INTERESTED_IN", outgoing=True, target=S3_AREA,
                              sort=S3_AREA_ORDER)


def _organizations_plan() -> RelatedPlan:
    return RelatedPlan(USER_ORGANIZATIONS, _membership_edge(UserOrganizationEdge, Organization))


def _skills_plan() -> RelatedPlan:
    return RelatedPlan(USER_SKILLS, _skill_edge)


def _interest_areas_plan() -> RelatedPlan:
    return RelatedPlan(USER_INTEREST_AREAS, s3_area_edge)


def _organization_projects_plan() -> RelatedPlan:
    from schema.projects.types import organization_projects_plan  # projects build on actors

    return organization_projects_plan()


def _competences_plan() -> RelatedPlan:
    return RelatedPlan(ORGANIZATION_COMPETENCES, _organization_competence_edge)


register("User", USER, User.from_fields)
register("Organization", ORGANIZATION, Organization.from_fields)

user_edge = node_edge(UserEdge, User)
organization_edge = node_edge(OrganizationEdge, Organization)
