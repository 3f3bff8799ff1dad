"""The per-request context that resolvers receive: database, settings, round-trip stats, loaders."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiodataloader import DataLoader

from app.authentication import Accounts
from app.db import Database, QueryStats
from app.file_store import FileStore
from app.settings import Settings

if TYPE_CHECKING:
    from app.event_hub import EventHub
    from app.persisted_queries import PersistedQueries
    from app.rate_limit import Budget
    from app.websocket import Connection

BatchLoad = Callable[[list[Any]], Coroutine[Any, Any, list[Any]]]


@dataclass
class Context:
    """What one GraphQL request shares across its resolvers.

    `viewer_id` is who asks; every read passes it to the visibility predicates of
    schema/loading.py. Over HTTP it comes from the request's bearer token (app/graphql.py);
    `session_id` is the session of that token (None for anonymous requests and external
    tokens). A request whose token was refused carries the refusal, and app.extensions
    answers it instead of running the operation.

    Dataloaders live here, so each request batches and caches on its own and nothing it loaded
    leaks into another request.
    """

    db: Database
    settings: Settings
    stats: QueryStats
    viewer_id: str | None = None  # the signed-in user's node id; None for anonymous visitors
    session_id: str | None = None
    client_address: str | None = None  # the peer's IP address, for login throttling
    accounts: Accounts | None = None  # the application's sign-in state (None outside HTTP)
    files: FileStore | None = None  # where document bytes are kept (None outside HTTP)
    refusal: Exception | None = None  # why the request's credentials were refused
    hub: EventHub | None = None  # the process's live events (subscriptions)
    connection: Connection | None = None  # the WebSocket connection of a subscription
    connection_params: dict[str, Any] | None = None  # its `connection_init` payload
    persisted_queries: PersistedQueries | None = None  # the texts known by hash (HTTP, WS)
    loaders: dict[Hashable, DataLoader[Any, Any]] = field(default_factory=dict)
    budget: Budget | None = None  # the rate limit an HTTP request spends (app/rate_limit.py)
    # False once a direct answer's compiled read gave up (app/graphql.py): not tried again
    compiles: bool = True

    def loader(self, key: Hashable, batch_load: BatchLoad) -> DataLoader[Any, Any]:
        """The request's dataloader for `key`, created on first use with `batch_load`."""
        found = self.loaders.get(key)
        if found is None:
            found = self.loaders[key] = DataLoader(batch_load_fn=batch_load)
        return found
