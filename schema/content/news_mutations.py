"""News: publishing (possibly for an organization one belongs to), changing and deleting.

Publishing notifies the people interested in the news' S3 areas, in the same statement.
Authors change and delete their news; facilitators may delete any.
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from pydantic import Field, field_validator

from app import ids
from app.context import Context
from schema.acting import S3_AREA_REASONS, rules
from schema.actors.types import ORGANIZATION
from schema.communities.mutations import MAX_AREAS, area_ids, distinct
from schema.content.types import NEWS, News
from schema.mutations import (
    MutationInput,
    Payload,
    new_id,
    outcome_errors,
    refuse,
    require_viewer,
    validated,
    write_statement,
)
from schema.node import resolve_node

Title = Annotated[str, Field(min_length=3, max_length=200)]
Summary = Annotated[str, Field(max_length=1000)]
Body = Annotated[str, Field(min_length=1, max_length=20000)]
Areas = Annotated[list[str], Field(max_length=MAX_AREAS)]


class PublishNewsModel(MutationInput):
    title: Title
    summary: Summary | None = None
    body: Body
    s3_areas: Areas = Field(default_factory=list)
    on_behalf_of: str | None = None

    _distinct = field_validator("s3_areas")(distinct)


class UpdateNewsModel(MutationInput):
    news: str
    title: Title | None = None
    summary: Summary | None = None
    body: Body | None = None
    s3_areas: Areas | None = None

    _distinct = field_validator("s3_areas")(distinct)


class DeleteNewsModel(MutationInput):
    news: str


@strawberry.experimental.pydantic.input(
    model=PublishNewsModel, description="A news item: titles of 3 to 200 characters, summaries "
    "of at most 1,000, bodies of 1 to 20,000; at most 5 S3 areas.")
class PublishNewsInput:
    title: strawberry.auto
    summary: strawberry.auto
    body: strawberry.auto
    s3_areas: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The S3 areas it concerns; their followers are notified.")
    on_behalf_of: strawberry.ID | None = strawberry.field(
        default=None, description="The organization it is published for (the viewer's own).")
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=UpdateNewsModel, description="What to change in a news item; null fields stay as "
    "they are; S3 areas, when given, replace the present ones.")
class UpdateNewsInput:
    news: strawberry.ID
    title: strawberry.auto
    summary: strawberry.auto
    body: strawberry.auto
    s3_areas: list[strawberry.ID] | None = None
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=DeleteNewsModel,
                                        description="The news item to delete.")
class DeleteNewsInput:
    news: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of publishing or changing a news item.")
class NewsPayload(Payload):
    news: News | None = strawberry.field(default=None, description="The news as it is now.")


@strawberry.type(description="The result of deleting a news item.")
class DeleteNewsPayload(Payload):
    deleted_news_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID of the news item deleted (with its comments).")


async def _news_payload(info: strawberry.Info[Context, None], outcome: str, what: str,
                        news_id: str, client_mutation_id: str | None) -> NewsPayload:
    errors = outcome_errors(outcome, what, S3_AREA_REASONS)
    node = None if errors else await resolve_node(info.context, "News", news_id)
    return NewsPayload(news=node,  # type: ignore[arg-type]
                       user_errors=errors, client_mutation_id=client_mutation_id)


@strawberry.type
class NewsMutations:
    @strawberry.mutation(description="Publish a news item, possibly for an organization the "
                         "viewer belongs to; people interested in its S3 areas are notified.")
    async def publish_news(self, info: strawberry.Info[Context, None],
                           input: PublishNewsInput) -> NewsPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return NewsPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        news_id = new_id()
        organization = (ids.decode_as(chosen.on_behalf_of, "Organization")
                        if chosen.on_behalf_of else None)
        record = await write_statement(
            info.context, "content/publish_news",
            {"newsId": news_id, "title": chosen.title, "summary": chosen.summary,
             "body": chosen.body, "areas": area_ids(chosen.s3_areas),
             "organizationId": organization},
            organization_visible=ORGANIZATION.visibility_of("organization"))
        return await _news_payload(info, record["outcome"], "organization", news_id,
                                   chosen.client_mutation_id)

    @strawberry.mutation(description="Change a news item (its author).")
    async def update_news(self, info: strawberry.Info[Context, None],
                          input: UpdateNewsInput) -> NewsPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return NewsPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        news_id = ids.decode_as(chosen.news, "News")
        record = await write_statement(
            info.context, "content/update_news",
            {"newsId": news_id, "title": chosen.title, "summary": chosen.summary,
             "body": chosen.body, "areas": area_ids(chosen.s3_areas)},
            visible=NEWS.visibility_of("news"))
        return await _news_payload(info, record["outcome"], "news", news_id,
                                   chosen.client_mutation_id)

    @strawberry.mutation(description="Delete a news item and its comments (its author, "
                         "facilitators).")
    async def delete_news(self, info: strawberry.Info[Context, None],
                          input: DeleteNewsInput) -> DeleteNewsPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DeleteNewsPayload(user_errors=errors,
                                     client_mutation_id=input.client_mutation_id)
        news_id = ids.decode_as(chosen.news, "News")
        record = await write_statement(info.context, "content/delete_news", {"newsId": news_id},
                                       visible=NEWS.visibility_of("news"),
                                       facilitates=rules("news")["facilitates"])
        refuse(record["outcome"], "news")  # DONE, or the refusal raised
        return DeleteNewsPayload(deleted_news_id=strawberry.ID(chosen.news),
                                 client_mutation_id=chosen.client_mutation_id)
