"""Projects: partners, people, work plan, results, budget and documents."""

from schema.projects.queries import ProjectQueries

__all__ = ["ProjectQueries"]
