"""The fields opportunities add to people and organizations.

`schema.actors.types` builds `User` and `Organization` from these mixins while this package's
types are not defined yet (they refer to people and organizations), so the types here are
named lazily and imported when a field is resolved.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.context import Context
from schema.loading import Relation, related_connection

if TYPE_CHECKING:
    from schema.opportunities.filters import ProposalFilter, ProposalOrder
    from schema.opportunities.types import (
        ExpressionOfInterestConnection,
        FollowedProposalConnection,
        ProposalConnection,
    )

_TYPES = "schema.opportunities.types"
_FILTERS = "schema.opportunities.filters"


@strawberry.type
class UserOpportunities:
    node_id: strawberry.Private[str]

    @strawberry.field(description="The proposals the person posted; newest first unless "
                      "ordered.")
    async def proposals(
        self, info: strawberry.Info[Context, None],
        filter: Annotated[ProposalFilter, strawberry.lazy(_FILTERS)] | None = None,
        order_by: Annotated[ProposalOrder, strawberry.lazy(_FILTERS)] | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Annotated[ProposalConnection, strawberry.lazy(_TYPES)]:
        from schema.opportunities.types import USER_PROPOSALS

        return await _proposals(info, USER_PROPOSALS, self.node_id, filter, order_by,
                                first, after, last, before)

    @strawberry.field(description="The person's expressions of interest, newest first; empty "
                      "unless the person is the viewer.")
    async def expressions_of_interest(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[ExpressionOfInterestConnection, strawberry.lazy(_TYPES)]:
        from schema.opportunities.types import (
            USER_INTERESTS,
            ExpressionOfInterestConnection,
            expression_of_interest_edge,
        )

        return await related_connection(info, USER_INTERESTS, self.node_id,
                                        expression_of_interest_edge,
                                        ExpressionOfInterestConnection, first, after, last,
                                        before)

    @strawberry.field(description="The proposals the person follows that the viewer may see, "
                      "most recent first.")
    async def followed_proposals(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[FollowedProposalConnection, strawberry.lazy(_TYPES)]:
        from schema.actors.follows import followed
        from schema.opportunities.types import (
            PROPOSAL,
            FollowedProposalConnection,
            FollowedProposalEdge,
            Proposal,
        )

        return await followed(info, PROPOSAL, FollowedProposalEdge, Proposal,
                              FollowedProposalConnection, self.node_id, first, after, last,
                              before)


@strawberry.type
class OrganizationOpportunities:
    node_id: strawberry.Private[str]

    @strawberry.field(description="The proposals made on behalf of the organization; newest "
                      "first unless ordered.")
    async def proposals(
        self, info: strawberry.Info[Context, None],
        filter: Annotated[ProposalFilter, strawberry.lazy(_FILTERS)] | None = None,
        order_by: Annotated[ProposalOrder, strawberry.lazy(_FILTERS)] | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Annotated[ProposalConnection, strawberry.lazy(_TYPES)]:
        from schema.opportunities.types import ORGANIZATION_PROPOSALS

        return await _proposals(info, ORGANIZATION_PROPOSALS, self.node_id, filter, order_by,
                                first, after, last, before)


async def _proposals(
    info: strawberry.Info[Context, None], relation: Relation, parent_id: str,
    filter: ProposalFilter | None, order_by: ProposalOrder | None,
    first: int | None, after: str | None, last: int | None, before: str | None,
) -> ProposalConnection:
    """A page of the proposals of a person or an organization, filtered and ordered."""
    from schema.opportunities.filters import proposal_parameters, proposal_sort
    from schema.opportunities.types import ProposalConnection, proposal_edge

    ordered = dataclasses.replace(relation, sort=proposal_sort(order_by))
    return await related_connection(info, ordered, parent_id, proposal_edge, ProposalConnection,
                                    first, after, last, before, proposal_parameters(filter))
