"""The per-request context that resolvers receive: database, settings, round-trip stats, loaders."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Hashable
from dataclasses import dataclass, field
from typing import Any

from aiodataloader import DataLoader

from app.db import Database, QueryStats
from app.settings import Settings

BatchLoad = Callable[[list[Any]], Coroutine[Any, Any, list[Any]]]


@dataclass
class Context:
    """What one GraphQL request shares across its resolvers.

    `viewer_id` is who asks; every read passes it to the visibility predicates of
    schema/loading.py. Requests over HTTP are anonymous until sign-in exists.

    Dataloaders live here, so each request batches and caches on its own and nothing it loaded
    leaks into another request.
    """

    db: Database
    settings: Settings
    stats: QueryStats
    viewer_id: str | None = None  # the signed-in user's node id; None for anonymous visitors
    loaders: dict[Hashable, DataLoader[Any, Any]] = field(default_factory=dict)

    def loader(self, key: Hashable, batch_load: BatchLoad) -> DataLoader[Any, Any]:
        """The request's dataloader for `key`, created on first use with `batch_load`."""
        found = self.loaders.get(key)
        if found is None:
            found = self.loaders[key] = DataLoader(batch_load_fn=batch_load)
        return found
