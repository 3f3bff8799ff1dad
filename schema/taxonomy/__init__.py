"""The taxonomies: S3 areas of both programming periods and the competence hierarchy."""

from schema.taxonomy.queries import TaxonomyQueries

__all__ = ["TaxonomyQueries"]
