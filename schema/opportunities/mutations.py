"""The mutations of opportunities: proposals and the expressions of interest that answer them."""

from __future__ import annotations

import strawberry

from schema.opportunities.een_mutations import EenMutations
from schema.opportunities.interest_mutations import InterestMutations
from schema.opportunities.proposal_mutations import ProposalMutations


@strawberry.type
class OpportunityMutations(ProposalMutations, InterestMutations, EenMutations):
    pass
