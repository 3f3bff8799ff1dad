"""Resolve, start and stop the local Neo4j Community server (see `localdb.server`)."""

from localdb.server import Instance, LocalNeo4jError, install, instance

__all__ = ["Instance", "LocalNeo4jError", "install", "instance"]
