"""Top-level queries of content: news."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.context import Context
from schema.content.types import (
    NEWEST_FIRST,
    NEWS,
    NEWS_SORTS,
    NewsConnection,
    NewsOrder,
    news_edge,
)
from schema.loading import Conditions, root_connection
from schema.values import instant, optional_id, ordered

NEWS_FILTER = Conditions("content/news_filter")


@strawberry.input(description="Which news to list; all conditions must hold.")
class NewsFilter:
    s3_area: strawberry.ID | None = strawberry.field(
        default=None, description="News tagged with this S3 area.")
    organization: strawberry.ID | None = strawberry.field(
        default=None, description="News published on behalf of this organization.")
    published_after: datetime | None = strawberry.field(
        default=None, description="News published at or after this time.")
    published_before: datetime | None = strawberry.field(
        default=None, description="News published strictly before this time.")


@strawberry.type
class ContentQueries:
    @strawberry.field(description="News on the platform; newest first unless ordered.")
    async def news(
        self, info: strawberry.Info[Context, None], filter: NewsFilter | None = None,
        order_by: NewsOrder | None = None, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> NewsConnection:
        chosen = filter or NewsFilter()
        order = order_by or NEWEST_FIRST
        parameters = {
            "s3Area": optional_id(chosen.s3_area, "S3Area"),
            "organization": optional_id(chosen.organization, "Organization"),
            "publishedAfter": instant(chosen.published_after),
            "publishedBefore": instant(chosen.published_before),
        }
        sort = ordered(NEWS_SORTS, order.field, order.direction)
        return await root_connection(info, NEWS, NEWS_FILTER, sort, parameters,
                                     news_edge, NewsConnection, first, after, last, before)
