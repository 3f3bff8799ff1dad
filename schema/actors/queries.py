"""Top-level queries of people and organizations: filtered, ordered connections and lookups."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.context import Context
from app.errors import NotFound
from schema.actors.types import (
    ORGANIZATION,
    USER,
    OrganizationConnection,
    OrganizationKind,
    User,
    UserConnection,
    organization_edge,
    user_edge,
)
from schema.loading import Conditions, load_node, root_connection
from schema.pagination import OrderDirection, SortKey
from schema.plans import KeyPlan, compiles
from schema.taxonomy.types import Province
from schema.values import optional_id, ordered


@strawberry.enum(description="The fields people can be ordered by.")
class UserOrderField(Enum):
    DISPLAY_NAME = "DISPLAY_NAME"
    HANDLE = "HANDLE"
    CREATED_AT = "CREATED_AT"


@strawberry.enum(description="The fields organizations can be ordered by.")
class OrganizationOrderField(Enum):
    NAME = "NAME"
    FOUNDED_YEAR = "FOUNDED_YEAR"


USER_FILTER = Conditions("actors/user_filter")
ORGANIZATION_FILTER = Conditions("actors/organization_filter")

USER_SORTS = {
    UserOrderField.DISPLAY_NAME: SortKey("n.displayName"),
    UserOrderField.HANDLE: SortKey("n.handle"),
    UserOrderField.CREATED_AT: SortKey("n.createdAt", kind="datetime"),
}
# Organizations without a founding year sort as if founded in year 0.
ORGANIZATION_SORTS = {
    OrganizationOrderField.NAME: SortKey("n.name"),
    OrganizationOrderField.FOUNDED_YEAR: SortKey("coalesce(n.foundedYear, 0)", kind="int"),
}


@strawberry.input(description="How to order people.")
class UserOrder:
    field: UserOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="How to order organizations.")
class OrganizationOrder:
    field: OrganizationOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Which people to list; all conditions must hold.")
class UserFilter:
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="People interested in this S3 area.")
    competence: strawberry.ID | None = strawberry.field(
        default=None, description="People skilled in this competence or a narrower one.")
    province: Province | None = None
    organization: strawberry.ID | None = strawberry.field(
        default=None, description="Members of this organization.")
    name_contains: str | None = strawberry.field(
        default=None, description="Display name contains this text (any case).")


@strawberry.input(description="Which organizations to list; all conditions must hold.")
class OrganizationFilter:
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="Organizations working in this S3 area.")
    competence: strawberry.ID | None = strawberry.field(
        default=None, description="Organizations holding this competence or a narrower one.")
    province: Province | None = None
    kinds: list[OrganizationKind] | None = strawberry.field(
        default=None, description="Organizations of any of these kinds.")
    name_contains: str | None = strawberry.field(
        default=None, description="Name contains this text (any case).")



@strawberry.type
class ActorQueries:
    @strawberry.field(description="People on the platform; by display name unless ordered.")
    async def users(
        self, info: strawberry.Info[Context, None], filter: UserFilter | None = None,
        order_by: UserOrder | None = None, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> UserConnection:
        chosen = filter or UserFilter()
        order = order_by or UserOrder(field=UserOrderField.DISPLAY_NAME)
        parameters = {
            "s3Area": optional_id(chosen.s3_area, "S3Area"),
            "competence": optional_id(chosen.competence, "Competence"),
            "province": chosen.province.value if chosen.province else None,
            "organization": optional_id(chosen.organization, "Organization"),
            "nameContains": chosen.name_contains or None,
        }
        sort = ordered(USER_SORTS, order.field, order.direction)
        return await root_connection(info, USER, USER_FILTER, sort, parameters,
                                     user_edge, UserConnection, first, after, last, before)

    @strawberry.field(description="Organizations on the platform; by name unless ordered.")
    async def organizations(
        self, info: strawberry.Info[Context, None], filter: OrganizationFilter | None = None,
        order_by: OrganizationOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> OrganizationConnection:
        chosen = filter or OrganizationFilter()
        order = order_by or OrganizationOrder(field=OrganizationOrderField.NAME)
        parameters = {
            "s3Area": optional_id(chosen.s3_area, "S3Area"),
            "competence": optional_id(chosen.competence, "Competence"),
            "province": chosen.province.value if chosen.province else None,
            "kinds": [kind.value for kind in chosen.kinds] if chosen.kinds else None,
            "nameContains": chosen.name_contains or None,
        }
        sort = ordered(ORGANIZATION_SORTS, order.field, order.direction)
        return await root_connection(info, ORGANIZATION, ORGANIZATION_FILTER, sort,
                                     parameters, organization_edge, OrganizationConnection,
                                     first, after, last, before)

    @strawberry.field(description="The person with this handle.")
    @compiles(lambda handle: KeyPlan(USER, "handle", handle))
    async def user(self, info: strawberry.Info[Context, None], handle: str) -> User | None:
        plan = KeyPlan(USER, "handle", handle)
        fields = await load_node(info.context, plan.kind, plan.value, key=plan.key)
        if fields is None:
            raise NotFound(f"Could not resolve to a user with the handle '{handle}'")
        return User.from_fields(fields)
