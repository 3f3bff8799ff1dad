"""Top-level queries of opportunities: the filtered, ordered list of proposals, and the
region's EEN contact point."""

from __future__ import annotations

import strawberry

from app.context import Context
from schema.actors.types import Organization
from schema.loading import root_connection
from schema.opportunities.een_mutations import een_contact_point
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
from schema.plans import RootPlan, compiles


def proposals_plan(filter: ProposalFilter | None, order_by: ProposalOrder | None) -> RootPlan:
    """What the `proposals` field reads, given its filter and order."""
    return RootPlan(PROPOSAL, PROPOSAL_FILTER, proposal_sort(order_by),
                    proposal_parameters(filter))


@strawberry.type
class OpportunityQueries:
    @strawberry.field(description="Published and closed proposals; newest first unless ordered.")
    @compiles(lambda filter=None, order_by=None: proposals_plan(filter, order_by))
    async def proposals(
        self, info: strawberry.Info[Context, None], filter: ProposalFilter | None = None,
        order_by: ProposalOrder | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> ProposalConnection:
        plan = proposals_plan(filter, order_by)
        return await root_connection(info, plan.kind, plan.filter, plan.sort, plan.parameters,
                                     proposal_edge, ProposalConnection, first, after, last,
                                     before)

    @strawberry.field(description="The organization that is the region's Enterprise Europe "
                      "Network contact point, whose facilitators follow up the expressions of "
                      "interest in EEN proposals; null while none is named. Public, as the "
                      "Network's contact points are, so that members know who will answer.")
    async def een_contact_point(self,
                                info: strawberry.Info[Context, None]) -> Organization | None:
        return await een_contact_point(info)
