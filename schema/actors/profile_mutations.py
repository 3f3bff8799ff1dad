"""A person's own profile: its texts, the S3 areas and competences of interest, and skills.

Nobody changes another person's profile: every mutation here acts on the viewer.
"""

from __future__ import annotations

from typing import Any, Literal

import strawberry
from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.context import Context
from schema.actors.changes import Info, changed_properties, decoded_ids, given_fields, run, unknown
from schema.actors.types import SkillLevel, User
from schema.mutations import MutationInput, Payload, refuse, require_viewer, validated
from schema.node import resolve_node
from schema.taxonomy.types import Province

MAX_INTERESTS = 30
MAX_SKILLS = 50
PROFILE_FIELDS = ("display_name", "headline", "bio", "locale", "province")


class ProfileChanges(MutationInput):
    display_name: str | None = Field(default=None, min_length=2, max_length=80)
    headline: str | None = Field(default=None, max_length=160)
    bio: str | None = Field(default=None, max_length=5000)
    locale: Literal["it", "en"] | None = None
    province: Province | None = None

    @field_validator("display_name", "locale")
    @classmethod
    def _not_cleared(cls, value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("missing", "This cannot be removed.")
        return value

    @field_validator("headline", "bio")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None


@strawberry.input(description="The viewer's profile fields to change: an omitted field stays "
                              "as it is, a null headline, bio or province removes it. The "
                              "rules are those of `ProfileChanges`.")
class UpdateProfileInput:
    display_name: str | None = strawberry.field(
        default=strawberry.UNSET, description="2 to 80 characters.")
    headline: str | None = strawberry.field(
        default=strawberry.UNSET, description="At most 160 characters.")
    bio: str | None = strawberry.field(
        default=strawberry.UNSET, description="At most 5000 characters.")
    locale: str | None = strawberry.field(
        default=strawberry.UNSET, description="The person's language: `it` or `en`.")
    province: Province | None = strawberry.field(default=strawberry.UNSET)
    client_mutation_id: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="Any text the client chooses, returned unchanged in the payload.")

    def to_pydantic(self, **kwargs: Any) -> ProfileChanges:
        return ProfileChanges(**given_fields(self), **kwargs)


class InterestChoice(MutationInput):
    s3_areas: list[str] = Field(default_factory=list,
                                description="S3 areas of interest (with competences, at most 30).")
    competences: list[str] = Field(
        default_factory=list, description="Competences of interest (with S3 areas, at most 30).")

    @model_validator(mode="after")
    def _at_most_thirty(self) -> InterestChoice:
        if len(self.s3_areas) + len(self.competences) > MAX_INTERESTS:
            raise PydanticCustomError(
                "too_long", "At most {limit} interests in all.", {"limit": MAX_INTERESTS})
        return self


@strawberry.experimental.pydantic.input(
    model=InterestChoice,
    description="The S3 areas and competences the viewer is interested in (at most 30 in "
                "all); they replace the present ones.")
class SetInterestsInput:
    s3_areas: list[strawberry.ID] = strawberry.field(default_factory=list)
    competences: list[strawberry.ID] = strawberry.field(default_factory=list)
    client_mutation_id: strawberry.auto


class SkillChoice(MutationInput):
    competence: str = Field(description="The competence mastered.")
    level: SkillLevel = Field(description="How well.")


class SkillsChoice(MutationInput):
    skills: list[SkillChoice] = Field(max_length=MAX_SKILLS, description="At most 50.")


@strawberry.experimental.pydantic.input(model=SkillChoice,
                                        description="A competence and how well it is mastered.")
class SkillInput:
    competence: strawberry.ID
    level: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=SkillsChoice,
    description="The competences the viewer masters (at most 50); they replace the present ones.")
class SetSkillsInput:
    skills: list[SkillInput]
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of changing the viewer's profile.")
class UpdateProfilePayload(Payload):
    user: User | None = strawberry.field(default=None, description="The viewer, as changed.")


@strawberry.type(description="The result of choosing the viewer's interests.")
class SetInterestsPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The viewer, as changed.")


@strawberry.type(description="The result of choosing the viewer's skills.")
class SetSkillsPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The viewer, as changed.")


async def _viewer(info: Info, viewer_id: str) -> User | None:
    user = await resolve_node(info.context, "User", viewer_id)
    return user if isinstance(user, User) else None


@strawberry.type
class ProfileMutations:
    @strawberry.mutation(description="Change the viewer's own profile.")
    async def update_profile(self, info: strawberry.Info[Context, None],
                             input: UpdateProfileInput) -> UpdateProfilePayload:
        viewer_id = require_viewer(info)
        changes, errors = validated(input)
        if changes is None:
            return UpdateProfilePayload(user_errors=errors,
                                        client_mutation_id=input.client_mutation_id or None)
        record = await run(info, "update_profile", {
            "viewerId": viewer_id, "changes": changed_properties(changes, PROFILE_FIELDS)})
        refuse(record["outcome"], "user")
        return UpdateProfilePayload(user=await _viewer(info, viewer_id),
                                    client_mutation_id=changes.client_mutation_id)

    @strawberry.mutation(description="Choose the S3 areas and competences the viewer is "
                         "interested in, replacing the present ones.")
    async def set_interests(self, info: strawberry.Info[Context, None],
                            input: SetInterestsInput) -> SetInterestsPayload:
        viewer_id = require_viewer(info)
        choice, errors = validated(input)
        if choice is not None:
            areas, area_errors = decoded_ids(choice.s3_areas, "S3Area", "s3Areas.{}")
            competences, competence_errors = decoded_ids(
                choice.competences, "Competence", "competences.{}")
            errors = area_errors + competence_errors
        if choice is None or errors:
            return SetInterestsPayload(user_errors=errors,
                                       client_mutation_id=input.client_mutation_id)
        record = await run(info, "set_interests", {
            "viewerId": viewer_id, "areas": areas, "competences": competences})
        refuse(record["outcome"], "user")
        errors = (unknown(record["unknownAreas"], "s3Areas.{}", "S3 area")
                  + unknown(record["unknownCompetences"], "competences.{}", "competence"))
        return SetInterestsPayload(user=None if errors else await _viewer(info, viewer_id),
                                   user_errors=errors,
                                   client_mutation_id=choice.client_mutation_id)

    @strawberry.mutation(description="Choose the competences the viewer masters and how well, "
                         "replacing the present ones.")
    async def set_skills(self, info: strawberry.Info[Context, None],
                         input: SetSkillsInput) -> SetSkillsPayload:
        viewer_id = require_viewer(info)
        choice, errors = validated(input)
        if choice is not None:
            competences, errors = decoded_ids(
                [skill.competence for skill in choice.skills], "Competence",
                "skills.{}.competence")
        if choice is None or errors:
            return SetSkillsPayload(user_errors=errors,
                                    client_mutation_id=input.client_mutation_id)
        skills = [{"competence": competence, "level": skill.level.value}
                  for competence, skill in zip(competences, choice.skills, strict=True)]
        record = await run(info, "set_skills", {"viewerId": viewer_id, "skills": skills})
        refuse(record["outcome"], "user")
        errors = unknown(record["unknown"], "skills.{}.competence", "competence")
        return SetSkillsPayload(user=None if errors else await _viewer(info, viewer_id),
                                user_errors=errors,
                                client_mutation_id=choice.client_mutation_id)
