"""Comments (threaded, on discussions, news and proposals) and news."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from app.context import Context
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.loading import NodeKind, Relation, load_one, related_connection
from schema.node import Node, register, resolve_labelled
from schema.pagination import Connection, Edge, OrderDirection, SortKey, node_edge
from schema.taxonomy.types import S3_AREA, S3_AREA_ORDER, S3AreaConnection, s3_area_edge
from schema.values import native, ordered

COMMENT = NodeKind("Comment", "content/comment_fields", "content/comment_visible")
NEWS = NodeKind("News", "content/news_fields")


@strawberry.enum(description="The fields comments can be ordered by.")
class CommentOrderField(Enum):
    CREATED_AT = "CREATED_AT"


@strawberry.enum(description="The fields news can be ordered by.")
class NewsOrderField(Enum):
    PUBLISHED_AT = "PUBLISHED_AT"
    TITLE = "TITLE"


COMMENT_SORTS = {CommentOrderField.CREATED_AT: SortKey("n.createdAt", kind="datetime")}
NEWS_SORTS = {
    NewsOrderField.PUBLISHED_AT: SortKey("n.publishedAt", kind="datetime"),
    NewsOrderField.TITLE: SortKey("n.title"),
}


@strawberry.input(description="How to order comments.")
class CommentOrder:
    field: CommentOrderField = CommentOrderField.CREATED_AT
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="How to order news.")
class NewsOrder:
    field: NewsOrderField
    direction: OrderDirection = OrderDirection.ASC


# Unless ordered otherwise: threads read oldest first, news newest first.
OLDEST_FIRST = CommentOrder()
NEWEST_FIRST = NewsOrder(field=NewsOrderField.PUBLISHED_AT, direction=OrderDirection.DESC)


@strawberry.type(description="A comment on a discussion, a news item or a proposal, or a reply "
                 "to another comment.")
class Comment(Node):
    body: str = strawberry.field(description="What the comment says; empty once deleted.")
    created_at: datetime
    deleted_at: datetime | None = strawberry.field(
        description="When the comment was deleted (it keeps its place in the thread, with its "
                    "replies, and shows no body); null while it stands.")
    reply_count: int = strawberry.field(description="How many comments answer this one directly.")
    subject_ref: strawberry.Private[dict[str, Any] | None]

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Comment:
        return cls(node_id=fields["id"], body=fields["body"],
                   created_at=native(fields["createdAt"]),
                   deleted_at=native(fields.get("deletedAt")), reply_count=fields["replyCount"],
                   subject_ref=fields.get("subject"))

    @strawberry.field(description="Who wrote the comment.")
    async def author(self, info: strawberry.Info[Context, None]) -> User | None:
        fields = await load_one(info.context, COMMENT_AUTHOR, self.node_id)
        return User.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The comment this one answers; null for a top-level comment.")
    async def reply_to(self, info: strawberry.Info[Context, None]) -> Comment | None:
        fields = await load_one(info.context, REPLY_TO, self.node_id)
        return Comment.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The comments that answer this one directly; oldest first "
                      "unless ordered.")
    async def replies(
        self, info: strawberry.Info[Context, None], order_by: CommentOrder | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> CommentConnection:
        return await comments(info, REPLIES, self.node_id, order_by, first, after, last, before)

    @strawberry.field(description="What the comment is on: a Discussion, a News item or a "
                      "Proposal (replies are on the same subject as the comment they answer).")
    async def subject(self, info: strawberry.Info[Context, None]) -> Node | None:
        if self.subject_ref is None:
            return None
        return await resolve_labelled(info.context, self.subject_ref["labels"],
                                      self.subject_ref["id"])


@strawberry.type(description="A news item, published by a person, possibly for an organization.")
class News(Node):
    title: str
    summary: str | None
    body: str
    published_at: datetime
    comment_count: int = strawberry.field(description="How many comments the news has, replies "
                                          "included.")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> News:
        return cls(node_id=fields["id"], title=fields["title"], summary=fields.get("summary"),
                   body=fields["body"], published_at=native(fields["publishedAt"]),
                   comment_count=fields["commentCount"])

    @strawberry.field(description="Who wrote the news.")
    async def author(self, info: strawberry.Info[Context, None]) -> User | None:
        fields = await load_one(info.context, NEWS_AUTHOR, self.node_id)
        return User.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The organization the news was published for, if any.")
    async def on_behalf_of(self, info: strawberry.Info[Context, None]) -> Organization | None:
        fields = await load_one(info.context, NEWS_ORGANIZATION, self.node_id)
        return Organization.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The S3 areas the news is tagged with, by code.")
    async def s3_areas(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> S3AreaConnection:
        return await related_connection(info, NEWS_AREAS, self.node_id, s3_area_edge,
                                        S3AreaConnection, first, after, last, before)

    @strawberry.field(description="The top-level comments on the news (replies hang below "
                      "them); oldest first unless ordered.")
    async def comments(
        self, info: strawberry.Info[Context, None], order_by: CommentOrder | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> CommentConnection:
        return await comments(info, top_level_comments("News"), self.node_id, order_by,
                              first, after, last, before)


@strawberry.type(description="A comment in a list.")
class CommentEdge(Edge[Comment]):
    pass


@strawberry.type(description="A page of comments.")
class CommentConnection(Connection[CommentEdge]):
    pass


@strawberry.type(description="A news item in a list.")
class NewsEdge(Edge[News]):
    pass


@strawberry.type(description="A page of news.")
class NewsConnection(Connection[NewsEdge]):
    pass




def top_level_comments(label: str) -> Relation:
    """The comments on nodes of `label` that answer no other comment, oldest first (visible
    exactly when their subject is)."""
    return Relation(label, "ON", outgoing=False, target=COMMENT,
                    sort=COMMENT_SORTS[CommentOrderField.CREATED_AT],
                    where="content/top_level_comment", visible_with_parent=True)


async def comments(info: strawberry.Info[Context, None], relation: Relation, parent_id: str,
                   order_by: CommentOrder | None, first: int | None, after: str | None,
                   last: int | None, before: str | None) -> CommentConnection:
    """A comments connection of `parent_id` through `relation`, in the order asked."""
    order = order_by or OLDEST_FIRST
    relation = dataclasses.replace(relation,
                                   sort=ordered(COMMENT_SORTS, order.field, order.direction))
    return await related_connection(info, relation, parent_id, comment_edge, CommentConnection,
                                    first, after, last, before)


async def organization_news(info: strawberry.Info[Context, None], organization_id: str,
                            order_by: NewsOrder | None, first: int | None, after: str | None,
                            last: int | None, before: str | None) -> NewsConnection:
    """The news published on behalf of the organization `organization_id`."""
    order = order_by or NEWEST_FIRST
    relation = Relation("Organization", "ON_BEHALF_OF", outgoing=False, target=NEWS,
                        sort=ordered(NEWS_SORTS, order.field, order.direction))
    return await related_connection(info, relation, organization_id, news_edge, NewsConnection,
                                    first, after, last, before)


COMMENT_AUTHOR = Relation("Comment", "AUTHORED", outgoing=False, target=USER)
# a reply is on the subject of the comment it answers, so both are visible or neither is
REPLY_TO = Relation("Comment", "REPLY_TO", outgoing=True, target=COMMENT, visible_with_parent=True)
REPLIES = Relation("Comment", "REPLY_TO", outgoing=False, target=COMMENT, visible_with_parent=True)
NEWS_AUTHOR = Relation("News", "AUTHORED", outgoing=False, target=USER)
NEWS_ORGANIZATION = Relation("News", "ON_BEHALF_OF", outgoing=True, target=ORGANIZATION)
NEWS_AREAS = Relation("News", "TAGGED", outgoing=True, target=S3_AREA, sort=S3_AREA_ORDER)

register("Comment", COMMENT, Comment.from_fields)
register("News", NEWS, News.from_fields)

comment_edge = node_edge(CommentEdge, Comment)
news_edge = node_edge(NewsEdge, News)
