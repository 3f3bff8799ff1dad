"""Top-level queries of communities and of the discussions held in them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.context import Context
from schema.communities.types import (
    COMMUNITY,
    COMMUNITY_NAME_ORDER,
    DISCUSSION,
    DISCUSSION_FILTER,
    DISCUSSION_SORTS,
    LATEST_ACTIVITY_FIRST,
    MEMBER_COUNT,
    CommunityAccess,
    CommunityConnection,
    CommunityKind,
    DiscussionConnection,
    DiscussionOrder,
    community_edge,
    discussion_edge,
    discussion_parameters,
)
from schema.loading import Conditions, root_connection
from schema.pagination import OrderDirection, SortKey
from schema.plans import RootPlan, compiles
from schema.values import optional_id, ordered, values

COMMUNITY_FILTER = Conditions("communities/community_filter")


@strawberry.enum(description="The fields communities can be ordered by.")
class CommunityOrderField(Enum):
    NAME = "NAME"
    CREATED_AT = "CREATED_AT"
    MEMBER_COUNT = "MEMBER_COUNT"


COMMUNITY_SORTS = {
    CommunityOrderField.NAME: COMMUNITY_NAME_ORDER,
    CommunityOrderField.CREATED_AT: SortKey("n.createdAt", kind="datetime"),
    CommunityOrderField.MEMBER_COUNT: SortKey(MEMBER_COUNT.expression, kind="int"),
}


@strawberry.input(description="How to order communities.")
class CommunityOrder:
    field: CommunityOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Which communities to list; all conditions must hold.")
class CommunityFilter:
    kinds: list[CommunityKind] | None = strawberry.field(
        default=None, description="Communities of any of these kinds.")
    access: list[CommunityAccess] | None = strawberry.field(
        default=None, description="Communities with any of these access rules (a CLOSED "
        "community is visible only to its active and invited members, facilitators and "
        "platform admins).")
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="Communities focusing on this S3 area.")
    parent: strawberry.ID | None = strawberry.field(
        default=None, description="The direct sub-communities of this community.")
    name_contains: str | None = strawberry.field(
        default=None, description="Name contains this text (any case).")


@strawberry.input(description="Which discussions to list; all conditions must hold.")
class DiscussionFilter:
    community: strawberry.ID | None = strawberry.field(
        default=None, description="Discussions held in this community.")
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="Discussions of communities focusing on this S3 area.")
    author: strawberry.ID | None = strawberry.field(
        default=None, description="Discussions started by this person.")
    created_after: datetime | None = strawberry.field(
        default=None, description="Discussions started at or after this time.")
    created_before: datetime | None = strawberry.field(
        default=None, description="Discussions started strictly before this time.")


def communities_plan(filter: CommunityFilter | None, order_by: CommunityOrder | None) -> RootPlan:
    """What the `communities` field reads, given its filter and order."""
    chosen = filter or CommunityFilter()
    order = order_by or CommunityOrder(field=CommunityOrderField.NAME)
    parameters = {
        "kinds": values(chosen.kinds),
        "access": values(chosen.access),
        "s3Area": optional_id(chosen.s3_area, "S3Area"),
        "parent": optional_id(chosen.parent, "Community"),
        "nameContains": chosen.name_contains or None,
    }
    sort = ordered(COMMUNITY_SORTS, order.field, order.direction)
    return RootPlan(COMMUNITY, COMMUNITY_FILTER, sort, parameters)


@strawberry.type
class CommunityQueries:
    @strawberry.field(description="Communities on the platform; by name unless ordered.")
    @compiles(lambda filter=None, order_by=None: communities_plan(filter, order_by))
    async def communities(
        self, info: strawberry.Info[Context, None], filter: CommunityFilter | None = None,
        order_by: CommunityOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> CommunityConnection:
        plan = communities_plan(filter, order_by)
        return await root_connection(info, plan.kind, plan.filter, plan.sort,
                                     plan.parameters, community_edge, CommunityConnection,
                                     first, after, last, before)

    @strawberry.field(description="Discussions of the communities the viewer may see; latest "
                      "activity first unless ordered.")
    async def discussions(
        self, info: strawberry.Info[Context, None], filter: DiscussionFilter | None = None,
        order_by: DiscussionOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> DiscussionConnection:
        chosen = filter or DiscussionFilter()
        order = order_by or LATEST_ACTIVITY_FIRST
        parameters = discussion_parameters(chosen.community, chosen.s3_area, chosen.author,
                                           chosen.created_after, chosen.created_before)
        sort = ordered(DISCUSSION_SORTS, order.field, order.direction)
        return await root_connection(info, DISCUSSION, DISCUSSION_FILTER, sort,
                                     parameters, discussion_edge, DiscussionConnection,
                                     first, after, last, before)
