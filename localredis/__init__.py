"""Resolve, start and stop a local Redis from Debian's packages (see `localredis.server`)."""

from localredis.server import Instance, LocalRedisError, install, instance

__all__ = ["Instance", "LocalRedisError", "install", "instance"]
