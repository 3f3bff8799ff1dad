"""Content: news and the comments on discussions, news and proposals."""

from schema.content.queries import ContentQueries

__all__ = ["ContentQueries"]
