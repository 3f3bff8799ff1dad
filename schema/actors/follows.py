"""Follows: the people who follow a person, an organization, a community, a proposal or a
project, and whom and what a person follows. Follows are public; what is followed stays behind
its own visibility rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import strawberry

from app.context import Context
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.loading import NodeKind, Relation, related_connection
from schema.pagination import Connection, Edge, SortKey
from schema.values import native

C = TypeVar("C")

# Most recent follows first.
FOLLOW_ORDER = SortKey("r.since", kind="datetime", descending=True)


@strawberry.type(description="A person who follows someone or something, and since when.")
class FollowerEdge(Edge[User]):
    since: datetime = strawberry.field(description="When the person started following.")


@strawberry.type(description="A page of followers.")
class FollowerConnection(Connection[FollowerEdge]):
    pass


@strawberry.type(description="A person someone follows, and since when.")
class FollowedUserEdge(Edge[User]):
    since: datetime = strawberry.field(description="When the following started.")


@strawberry.type(description="A page of the people someone follows.")
class FollowedUserConnection(Connection[FollowedUserEdge]):
    pass


@strawberry.type(description="An organization someone follows, and since when.")
class FollowedOrganizationEdge(Edge[Organization]):
    since: datetime = strawberry.field(description="When the following started.")


@strawberry.type(description="A page of the organizations someone follows.")
class FollowedOrganizationConnection(Connection[FollowedOrganizationEdge]):
    pass


def follow_edge(edge_type: Any, node_type: Any) -> Callable[[str, dict[str, Any]], Any]:
    """A function making edges of `edge_type` (with `since`) around `node_type` objects."""
    def make(cursor: str, item: dict[str, Any]) -> Any:
        return edge_type(cursor=cursor, node=node_type.from_fields(item["node"]),
                         since=native(item["edge"]["since"]))
    return make


def followers_relation(label: str) -> Relation:
    """The people following nodes of `label`, most recent first."""
    return Relation(label, "FOLLOWS", outgoing=False, target=USER, sort=FOLLOW_ORDER)


def followed_relation(target: NodeKind) -> Relation:
    """The nodes of `target` a person follows, most recent first; each passes its kind's
    visibility rule."""
    return Relation("User", "FOLLOWS", outgoing=True, target=target, sort=FOLLOW_ORDER)


async def followers(info: strawberry.Info[Context, None], label: str, node_id: str,
                    first: int | None, after: str | None, last: int | None,
                    before: str | None) -> FollowerConnection:
    """The followers connection of the node `node_id` of `label` (a person, an organization,
    a community, a proposal or a project)."""
    return await related_connection(info, followers_relation(label), node_id,
                                    follow_edge(FollowerEdge, User), FollowerConnection,
                                    first, after, last, before)


async def followed(info: strawberry.Info[Context, None], target: NodeKind, edge_type: Any,
                   node_type: Any, connection: Callable[..., C], user_id: str,
                   first: int | None, after: str | None, last: int | None,
                   before: str | None) -> C:
    """The connection of the nodes of `target` the person `user_id` follows, as edges of
    `edge_type` (with `since`) around `node_type` objects, most recent first."""
    return await related_connection(info, followed_relation(target), user_id,
                                    follow_edge(edge_type, node_type), connection,
                                    first, after, last, before)


async def followed_users(info: strawberry.Info[Context, None], user_id: str, first: int | None,
                         after: str | None, last: int | None,
                         before: str | None) -> FollowedUserConnection:
    """The people the person `user_id` follows."""
    return await followed(info, USER, FollowedUserEdge, User, FollowedUserConnection, user_id,
                          first, after, last, before)


async def followed_organizations(
    info: strawberry.Info[Context, None], user_id: str, first: int | None, after: str | None,
    last: int | None, before: str | None,
) -> FollowedOrganizationConnection:
    """The organizations the person `user_id` follows."""
    return await followed(info, ORGANIZATION, FollowedOrganizationEdge, Organization,
                          FollowedOrganizationConnection, user_id, first, after, last, before)
