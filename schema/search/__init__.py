"""Full-text search across the platform's objects."""

from schema.search.queries import SearchQueries

__all__ = ["SearchQueries"]
