"""Network analytics: who collaborated with whom, on which S3 area, and how actors connect."""

from schema.network.queries import NetworkQueries

__all__ = ["NetworkQueries"]
