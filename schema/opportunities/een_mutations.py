"""The region's EEN contact point: the organization whose facilitators follow up the
expressions of interest in EEN proposals, which have no proposer on the platform.

It is one node of the graph (`(:EenContactPoint)-[:HELD_BY]->(:Organization)`), not a setting
of a process, so that every replica of the API agrees on it; a platform admin names it. Who
follows up is read when asked (`access/een_follow_up`), so naming one hands it every
interest, those expressed while none (or another) was named included.
"""

from __future__ import annotations

import strawberry

from app import ids as global_ids
from app.context import Context
from schema.actors.types import Organization
from schema.loading import Link
from schema.mutations import (
    MutationInput,
    Payload,
    outcome_errors,
    require_viewer,
    validated,
    write_statement,
)
from schema.node import resolve_linked

# The contact point's one node (cypher/migrations/0016_een_contact_point.cypher).
CONTACT_POINT_ID = "een"
CONTACT_POINT = Link("EenContactPoint", "(p)-[:HELD_BY]->(n:Organization)")


class SetEenContactPointModel(MutationInput):
    organization: str | None = None


@strawberry.experimental.pydantic.input(
    model=SetEenContactPointModel,
    description="The organization to name the region's EEN contact point.")
class SetEenContactPointInput:
    organization: strawberry.ID | None = strawberry.field(
        default=None, description="The organization; null to name none.")
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of setEenContactPoint.")
class SetEenContactPointPayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The region's EEN contact point now; null when none is "
        "named, or when the mutation did nothing.")


async def een_contact_point(info: strawberry.Info[Context, None]) -> Organization | None:
    """The organization named the region's EEN contact point, or None."""
    found = await resolve_linked(info.context, CONTACT_POINT, CONTACT_POINT_ID)
    return found if isinstance(found, Organization) else None


@strawberry.type
class EenMutations:
    @strawberry.mutation(description="Name the organization that is the region's Enterprise "
                         "Europe Network contact point (or none): its members who are "
                         "facilitators follow up the expressions of interest in EEN "
                         "proposals, those already expressed included. Platform admins only.")
    async def set_een_contact_point(
            self, info: strawberry.Info[Context, None],
            input: SetEenContactPointInput) -> SetEenContactPointPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return SetEenContactPointPayload(
                user_errors=errors, client_mutation_id=input.client_mutation_id)
        organization = (global_ids.decode_as(chosen.organization, "Organization")
                        if chosen.organization else None)
        record = await write_statement(info.context, "opportunities/set_een_contact_point",
                                       {"contactPoint": CONTACT_POINT_ID,
                                        "organizationId": organization})
        errors = outcome_errors(record["outcome"], "organization")
        return SetEenContactPointPayload(
            organization=None if errors else await een_contact_point(info),
            user_errors=errors, client_mutation_id=chosen.client_mutation_id)
