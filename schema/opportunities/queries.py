"""Top-level queries of opportunities: the filtered, ordered list of proposals."""

from __future__ import annotations

import strawberry

from app.context import Context
from schema.loading import root_connection
from schema.opportunities.filters import (
    ProposalFilter,
    ProposalOrder,
    proposal_parameters,
    proposal_sort,
)
from schema.opportunities.types import (
    PROPOSAL,
    PROPOSAL_FILTER,
    ProposalConnection,
    proposal_edge,
)


@strawberry.type
class OpportunityQueries:
    @strawberry.field(description="Published and closed proposals; newest first unless ordered.")
    async def proposals(
        self, info: strawberry.Info[Context, None], filter: ProposalFilter | None = None,
        order_by: ProposalOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ProposalConnection:
        return await root_connection(info, PROPOSAL, PROPOSAL_FILTER, proposal_sort(order_by),
                                     proposal_parameters(filter), proposal_edge,
                                     ProposalConnection, first, after, last, before)
