"""Communities: their members, followers and discussions."""

from schema.communities.membership_mutations import CommunityMembershipMutations
from schema.communities.mutations import CommunityMutations
from schema.communities.queries import CommunityQueries

__all__ = ["CommunityMembershipMutations", "CommunityMutations", "CommunityQueries"]
