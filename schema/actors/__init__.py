"""Actors: people and organizations."""

from schema.actors.queries import ActorQueries

__all__ = ["ActorQueries"]
