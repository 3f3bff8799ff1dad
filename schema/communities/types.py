"""Communities, their memberships and followers, and the discussions held in them."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry

from app.context import Context
from schema.actors import follows
from schema.actors.follows import FollowerConnection
from schema.actors.types import USER, User
from schema.content.types import CommentConnection, CommentOrder, comments, top_level_comments
from schema.counting import Tally, load_tally
from schema.documents import documents_field
from schema.loading import Conditions, NodeKind, Relation, load_one, related_connection
from schema.node import Node, register
from schema.pagination import Connection, Edge, OrderDirection, SortKey, node_edge
from schema.plans import OnePlan, RelatedPlan, TallyPlan, compiles, read_related
from schema.taxonomy.types import S3_AREA, S3_AREA_ORDER, S3AreaConnection, s3_area_edge
from schema.values import instant, native, optional_id, ordered, values

COMMUNITY = NodeKind("Community", "communities/community_fields",
                     "communities/community_visible")
DISCUSSION = NodeKind("Discussion", "communities/discussion_fields",
                      "communities/discussion_visible")
COMMUNITY_NAME_ORDER = SortKey("n.name")


@strawberry.enum(description="What a community gathers around.")
class CommunityKind(Enum):
    THEMATIC_S3 = "THEMATIC_S3"
    WORKING_GROUP = "WORKING_GROUP"
    PROJECT_GROUP = "PROJECT_GROUP"
    INTEREST = "INTEREST"


@strawberry.enum(description="Who may join a community.")
class CommunityAccess(Enum):
    OPEN = "OPEN"
    RESERVED = "RESERVED"
    CLOSED = "CLOSED"


@strawberry.enum(description="A person's role in a community.")
class CommunityRole(Enum):
    MANAGER = "MANAGER"
    PARTICIPANT = "PARTICIPANT"


@strawberry.enum(description="Where a person's membership of a community stands.")
class MembershipStatus(Enum):
    ACTIVE = "ACTIVE"
    REQUESTED = "REQUESTED"
    INVITED = "INVITED"
    REJECTED = "REJECTED"


@strawberry.enum(description="The fields discussions can be ordered by.")
class DiscussionOrderField(Enum):
    LATEST_ACTIVITY = "LATEST_ACTIVITY"
    CREATED_AT = "CREATED_AT"
    TITLE = "TITLE"


DISCUSSION_SORTS = {
    DiscussionOrderField.LATEST_ACTIVITY: SortKey("n.lastActivityAt", kind="datetime"),
    DiscussionOrderField.CREATED_AT: SortKey("n.createdAt", kind="datetime"),
    DiscussionOrderField.TITLE: SortKey("n.title"),
}


@strawberry.input(description="How to order discussions.")
class DiscussionOrder:
    field: DiscussionOrderField
    direction: OrderDirection = OrderDirection.ASC


LATEST_ACTIVITY_FIRST = DiscussionOrder(field=DiscussionOrderField.LATEST_ACTIVITY,
                                        direction=OrderDirection.DESC)


@strawberry.input(description="Which memberships to list; all conditions must hold. ACTIVE "
                  "memberships are visible to whoever may see the community's content; "
                  "REQUESTED, INVITED and REJECTED ones to the person concerned, the "
                  "community's managers and platform admins.")
class MembershipFilter:
    roles: list[CommunityRole] | None = strawberry.field(
        default=None, description="Memberships with any of these roles.")
    statuses: list[MembershipStatus] | None = strawberry.field(
        default_factory=lambda: [MembershipStatus.ACTIVE],
        description="Memberships in any of these statuses.")


@strawberry.input(description="Which discussions of a community to list; all conditions must "
                  "hold.")
class CommunityDiscussionFilter:
    author: strawberry.ID | None = strawberry.field(
        default=None, description="Discussions started by this person.")
    created_after: datetime | None = strawberry.field(
        default=None, description="Discussions started at or after this time.")
    created_before: datetime | None = strawberry.field(
        default=None, description="Discussions started strictly before this time.")


# The discussions of the top-level list and of a community's list pass the same conditions.
DISCUSSION_FILTER = Conditions("communities/discussion_filter")


def discussion_parameters(community: strawberry.ID | None, s3_area: strawberry.ID | None,
                          author: strawberry.ID | None, created_after: datetime | None,
                          created_before: datetime | None) -> dict[str, Any]:
    """The parameters of DISCUSSION_FILTER from a filter's fields."""
    return {
        "community": optional_id(community, "Community"),
        "s3Area": optional_id(s3_area, "S3Area"),
        "author": optional_id(author, "User"),
        "createdAfter": instant(created_after),
        "createdBefore": instant(created_before),
    }


def _membership_parameters(chosen: MembershipFilter | None) -> dict[str, Any]:
    chosen = chosen or MembershipFilter()
    return {"roles": values(chosen.roles), "statuses": values(chosen.statuses)}


def _discussions_plan(filter: CommunityDiscussionFilter | None,
                      order_by: DiscussionOrder | None) -> RelatedPlan:
    """What `Community.discussions` reads, given its filter and order."""
    chosen = filter or CommunityDiscussionFilter()
    order = order_by or LATEST_ACTIVITY_FIRST
    relation = dataclasses.replace(
        COMMUNITY_DISCUSSIONS, sort=ordered(DISCUSSION_SORTS, order.field, order.direction))
    return RelatedPlan(relation, discussion_edge, discussion_parameters(
        None, None, chosen.author, chosen.created_after, chosen.created_before))


def _members_plan(chosen: MembershipFilter | None) -> RelatedPlan:
    """What `Community.members` reads, given its filter."""
    return RelatedPlan(COMMUNITY_MEMBERS, _membership_edge(CommunityMemberEdge, User),
                       _membership_parameters(chosen))


@strawberry.type(description="A community of people around an S3 theme, a working group, a "
                 "project or a shared interest.")
class Community(Node):
    name: str
    description: str | None
    kind: CommunityKind
    access: CommunityAccess
    created_at: datetime
    discussion_count: int = strawberry.field(description="How many discussions it holds.")
    sub_community_count: int = strawberry.field(
        description="How many sub-communities it has (those the viewer may see).")
    follower_count: int = strawberry.field(description="How many people follow it.")
    documents = documents_field("Community")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Community:
        return cls(
            node_id=fields["id"], name=fields["name"], description=fields.get("description"),
            kind=CommunityKind(fields["kind"]), access=CommunityAccess(fields["access"]),
            created_at=native(fields["createdAt"]),
            discussion_count=fields["discussionCount"],
            sub_community_count=fields["subCommunityCount"],
            follower_count=fields["followerCount"],
        )

    @strawberry.field(description="How many people are active members.")
    @compiles(lambda: TallyPlan(MEMBER_COUNT))
    async def member_count(self, info: strawberry.Info[Context, None]) -> int:
        return await load_tally(info.context, MEMBER_COUNT, self.node_id)

    @strawberry.field(description="The community this one is part of; null at the top (or when "
                      "the viewer may not see it).")
    @compiles(lambda: OnePlan(PARENT))
    async def parent(self, info: strawberry.Info[Context, None]) -> Community | None:
        fields = await load_one(info.context, PARENT, self.node_id)
        return Community.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The communities that are part of this one, by name.")
    async def sub_communities(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> CommunityConnection:
        return await related_connection(info, SUB_COMMUNITIES, self.node_id, community_edge,
                                        CommunityConnection, first, after, last, before)

    @strawberry.field(description="The S3 areas the community focuses on, by code.")
    async def s3_areas(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> S3AreaConnection:
        return await related_connection(info, COMMUNITY_AREAS, self.node_id, s3_area_edge,
                                        S3AreaConnection, first, after, last, before)

    @strawberry.field(description="The community's members, by display name; active ones "
                      "unless filtered. Empty for a viewer who may not see the community's "
                      "content (a RESERVED or CLOSED community they are not active in), but "
                      "for their own membership.")
    @compiles(lambda filter=None: _members_plan(filter))
    async def members(
        self, info: strawberry.Info[Context, None], filter: MembershipFilter | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> CommunityMemberConnection:
        return await read_related(info, _members_plan(filter), self,
                                  CommunityMemberConnection, first, after, last, before)

    @strawberry.field(description="The discussions held in the community; latest activity "
                      "first unless ordered.")
    @compiles(lambda filter=None, order_by=None: _discussions_plan(filter, order_by))
    async def discussions(
        self, info: strawberry.Info[Context, None],
        filter: CommunityDiscussionFilter | None = None,
        order_by: DiscussionOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> DiscussionConnection:
        return await read_related(info, _discussions_plan(filter, order_by), self,
                                  DiscussionConnection, first, after, last, before)

    @strawberry.field(description="The people who follow the community, most recent first.")
    async def followers(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> FollowerConnection:
        return await follows.followers(info, "Community", self.node_id, first, after, last, before)


@strawberry.type(description="A discussion held in a community.")
class Discussion(Node):
    title: str
    body: str
    created_at: datetime
    locked: bool = strawberry.field(description="Whether the discussion takes no more comments.")
    last_activity_at: datetime = strawberry.field(
        description="When the latest comment was made; the creation time before any.")
    comment_count: int = strawberry.field(
        description="How many comments the discussion has, replies included.")
    documents = documents_field("Discussion")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Discussion:
        return cls(
            node_id=fields["id"], title=fields["title"], body=fields["body"],
            created_at=native(fields["createdAt"]), locked=bool(fields.get("locked")),
            last_activity_at=native(fields["lastActivityAt"]),
            comment_count=fields["commentCount"],
        )

    @strawberry.field(description="Who started the discussion.")
    @compiles(lambda: OnePlan(DISCUSSION_AUTHOR))
    async def author(self, info: strawberry.Info[Context, None]) -> User | None:
        fields = await load_one(info.context, DISCUSSION_AUTHOR, self.node_id)
        return User.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The community the discussion is held in.")
    @compiles(lambda: OnePlan(DISCUSSION_COMMUNITY))
    async def community(self, info: strawberry.Info[Context, None]) -> Community | None:
        fields = await load_one(info.context, DISCUSSION_COMMUNITY, self.node_id)
        return Community.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The top-level comments of the discussion (replies hang "
                      "below them); oldest first unless ordered.")
    async def comments(
        self, info: strawberry.Info[Context, None], order_by: CommentOrder | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> CommentConnection:
        return await comments(info, DISCUSSION_COMMENTS, self.node_id, order_by, first, after,
                              last, before)


@strawberry.type(description="A community in a list.")
class CommunityEdge(Edge[Community]):
    pass


@strawberry.type(description="A page of communities.")
class CommunityConnection(Connection[CommunityEdge]):
    pass


@strawberry.type(description="A person's membership of a community, seen from the community.")
class CommunityMemberEdge(Edge[User]):
    role: CommunityRole
    status: MembershipStatus
    since: date | None


@strawberry.type(description="A page of a community's members.")
class CommunityMemberConnection(Connection[CommunityMemberEdge]):
    pass


@strawberry.type(description="A person's membership of a community, seen from the person.")
class UserCommunityEdge(Edge[Community]):
    role: CommunityRole
    status: MembershipStatus
    since: date | None


@strawberry.type(description="A page of a person's communities.")
class UserCommunityConnection(Connection[UserCommunityEdge]):
    pass


@strawberry.type(description="A community someone follows, and since when.")
class FollowedCommunityEdge(Edge[Community]):
    since: datetime = strawberry.field(description="When the following started.")


@strawberry.type(description="A page of the communities someone follows.")
class FollowedCommunityConnection(Connection[FollowedCommunityEdge]):
    pass


@strawberry.type(description="A discussion in a list.")
class DiscussionEdge(Edge[Discussion]):
    pass


@strawberry.type(description="A page of discussions.")
class DiscussionConnection(Connection[DiscussionEdge]):
    pass


def _membership_edge(edge_type: Any, node_type: Any) -> Any:
    def make(cursor: str, item: dict[str, Any]) -> Any:
        edge = item["edge"]
        return edge_type(cursor=cursor, node=node_type.from_fields(item["node"]),
                         role=CommunityRole(edge["role"]), status=MembershipStatus(edge["status"]),
                         since=native(edge.get("since")))
    return make




async def user_communities(info: strawberry.Info[Context, None], user_id: str,
                           filter: MembershipFilter | None, first: int | None,
                           after: str | None, last: int | None,
                           before: str | None) -> UserCommunityConnection:
    """The communities the person `user_id` belongs to, by name."""
    return await related_connection(
        info, USER_COMMUNITIES, user_id, _membership_edge(UserCommunityEdge, Community),
        UserCommunityConnection, first, after, last, before, _membership_parameters(filter))


async def user_discussions(info: strawberry.Info[Context, None], user_id: str,
                           order_by: DiscussionOrder | None, first: int | None,
                           after: str | None, last: int | None,
                           before: str | None) -> DiscussionConnection:
    """The discussions the person `user_id` started."""
    order = order_by or LATEST_ACTIVITY_FIRST
    relation = dataclasses.replace(
        USER_DISCUSSIONS, sort=ordered(DISCUSSION_SORTS, order.field, order.direction))
    return await related_connection(info, relation, user_id, discussion_edge,
                                    DiscussionConnection, first, after, last, before)


async def followed_communities(info: strawberry.Info[Context, None], user_id: str,
                               first: int | None, after: str | None, last: int | None,
                               before: str | None) -> FollowedCommunityConnection:
    """The communities the person `user_id` follows."""
    return await follows.followed(info, COMMUNITY, FollowedCommunityEdge, Community,
                          FollowedCommunityConnection, user_id, first, after, last, before)


PARENT: Relation = Relation("Community", "PART_OF", outgoing=True, target=COMMUNITY)
SUB_COMMUNITIES = Relation("Community", "PART_OF", outgoing=False, target=COMMUNITY,
                           sort=COMMUNITY_NAME_ORDER)
COMMUNITY_AREAS = Relation("Community", "FOCUSES_ON", outgoing=True, target=S3_AREA,
                           sort=S3_AREA_ORDER)
MEMBER_COUNT: Tally = Tally("Community", "communities/member_count")
COMMUNITY_MEMBERS = Relation("Community", "MEMBER_OF", outgoing=False, target=USER,
                             sort=SortKey("n.displayName"), where="communities/membership_where")
# A community may be visible while its content is not (a RESERVED one): its discussions are
# visible when its content is (discussion_visible), checked once on the community.
COMMUNITY_DISCUSSIONS = Relation("Community", "IN", outgoing=False, target=DISCUSSION,
                                 where=DISCUSSION_FILTER,
                                 visible_as_parent="communities/community_content_visible")
USER_COMMUNITIES = Relation("User", "MEMBER_OF", outgoing=True, target=COMMUNITY,
                            sort=COMMUNITY_NAME_ORDER, where="communities/membership_where")
USER_DISCUSSIONS = Relation("User", "AUTHORED", outgoing=True, target=DISCUSSION)
DISCUSSION_AUTHOR: Relation = Relation("Discussion", "AUTHORED", outgoing=False, target=USER)
DISCUSSION_COMMUNITY: Relation = Relation("Discussion", "IN", outgoing=True, target=COMMUNITY)
DISCUSSION_COMMENTS = top_level_comments("Discussion")

register("Community", COMMUNITY, Community.from_fields)
register("Discussion", DISCUSSION, Discussion.from_fields)

community_edge = node_edge(CommunityEdge, Community)
discussion_edge = node_edge(DiscussionEdge, Discussion)
