"""Communities: their members, followers and discussions."""

from schema.communities.queries import CommunityQueries

__all__ = ["CommunityQueries"]
