"""Creating and changing communities.

Anyone signed in may create a community, of which they become the active manager; a
sub-community's creator must manage its parent (platform admins may attach one anywhere). A
community's managers and platform admins change it.
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from pydantic import Field, field_validator

from app import ids
from app.context import Context
from schema.acting import S3_AREA_REASONS, rules
from schema.communities.types import COMMUNITY, Community, CommunityAccess, CommunityKind
from schema.mutations import (
    MutationInput,
    Payload,
    new_id,
    outcome_errors,
    require_viewer,
    validated,
    write_statement,
)
from schema.node import resolve_node

MAX_AREAS = 5
Name = Annotated[str, Field(min_length=3, max_length=120)]
Description = Annotated[str, Field(max_length=5000)]
Areas = Annotated[list[str], Field(max_length=MAX_AREAS)]


def distinct(values: list[str] | None) -> list[str] | None:
    """The values without repeats, in their first order."""
    return list(dict.fromkeys(values)) if values is not None else None


class CreateCommunityModel(MutationInput):
    name: Name
    description: Description | None = None
    kind: CommunityKind
    access: CommunityAccess
    s3_areas: Areas = Field(default_factory=list, description="At most 5 S3 areas.")
    parent: str | None = None

    _distinct = field_validator("s3_areas")(distinct)


class UpdateCommunityModel(MutationInput):
    community: str
    name: Name | None = None
    description: Description | None = None
    kind: CommunityKind | None = None
    access: CommunityAccess | None = None
    s3_areas: Areas | None = None

    _distinct = field_validator("s3_areas")(distinct)


@strawberry.experimental.pydantic.input(
    model=CreateCommunityModel, description="A new community. Names have 3 to 120 characters, "
    "descriptions at most 5,000; at most 5 S3 areas.")
class CreateCommunityInput:
    name: strawberry.auto
    description: strawberry.auto
    kind: CommunityKind
    access: CommunityAccess
    s3_areas: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The S3 areas it focuses on.")
    parent: strawberry.ID | None = strawberry.field(
        default=None, description="The community it is part of (which the viewer manages).")
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=UpdateCommunityModel, description="What to change in a community; fields left null "
    "stay as they are; S3 areas, when given, replace the present ones.")
class UpdateCommunityInput:
    community: strawberry.ID
    name: strawberry.auto
    description: strawberry.auto
    kind: CommunityKind | None = None
    access: CommunityAccess | None = None
    s3_areas: list[strawberry.ID] | None = None
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of creating or changing a community.")
class CommunityPayload(Payload):
    community: Community | None = strawberry.field(
        default=None, description="The community as it is now.")


def area_ids(values: list[str] | None) -> list[str] | None:
    """The node ids of S3 area global IDs (BAD_USER_INPUT for IDs of another type)."""
    return [ids.decode_as(value, "S3Area") for value in values] if values is not None else None


async def community_payload(info: strawberry.Info[Context, None], outcome: str,
                            community_id: str, client_mutation_id: str | None) -> CommunityPayload:
    """The payload of a community mutation's `outcome`: the community as the viewer sees it,
    or the user errors of a refusal (a top-level one raised)."""
    errors = outcome_errors(outcome, "community", S3_AREA_REASONS)
    community = None if errors else await resolve_node(info.context, "Community", community_id)
    return CommunityPayload(community=community,  # type: ignore[arg-type]
                            user_errors=errors, client_mutation_id=client_mutation_id)


@strawberry.type
class CommunityMutations:
    @strawberry.mutation(description="Create a community; the viewer becomes its manager.")
    async def create_community(self, info: strawberry.Info[Context, None],
                               input: CreateCommunityInput) -> CommunityPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return CommunityPayload(user_errors=errors,
                                    client_mutation_id=input.client_mutation_id)
        community_id = new_id()
        parameters = {
            "communityId": community_id, "name": chosen.name,
            "description": chosen.description, "kind": chosen.kind.value,
            "access": chosen.access.value, "areas": area_ids(chosen.s3_areas),
            "parentId": ids.decode_as(chosen.parent, "Community") if chosen.parent else None,
        }
        record = await write_statement(info.context, "communities/create_community", parameters,
                                       known=COMMUNITY.visibility_of("parent"),
                                       manages=rules("parent")["manages"],
                                       administers=rules("parent")["administers"])
        return await community_payload(info, record["outcome"], community_id,
                                       chosen.client_mutation_id)

    @strawberry.mutation(description="Change a community (its managers and platform admins).")
    async def update_community(self, info: strawberry.Info[Context, None],
                               input: UpdateCommunityInput) -> CommunityPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return CommunityPayload(user_errors=errors,
                                    client_mutation_id=input.client_mutation_id)
        community_id = ids.decode_as(chosen.community, "Community")
        parameters = {
            "communityId": community_id, "name": chosen.name,
            "description": chosen.description,
            "kind": chosen.kind.value if chosen.kind else None,
            "access": chosen.access.value if chosen.access else None,
            "areas": area_ids(chosen.s3_areas),
        }
        on = rules("community")
        record = await write_statement(info.context, "communities/update_community", parameters,
                                       known=COMMUNITY.visibility_of("community"),
                                       manages=on["manages"], administers=on["administers"])
        return await community_payload(info, record["outcome"], community_id,
                                       chosen.client_mutation_id)
