"""Subscriptions over WebSocket (`graphql-transport-ws` only): who is connected, and limits.

A client authenticates in `connection_init`, with the same bearer token as over HTTP:
`{"type": "connection_init", "payload": {"Authorization": "Bearer <token>"}}` (no payload, or
none of the key, is an anonymous connection, which sees only public events). The token is
checked again every SUBSCRIPTION_CHECK_SECONDS and before every event handed over: once it has
expired or its session was revoked, the connection closes. Queries and mutations are answered
over HTTP only; a WebSocket carries subscriptions.

Close codes (besides the protocol's own 4400, 4408, 4409):
- 4403 the credentials are not valid, or no longer (revoked or expired): sign in and resume
  with `after:`;
- 4429 this identity (person, or address when anonymous) has CONNECTIONS_PER_IDENTITY open;
- 4420 the client fell SUBSCRIPTION_QUEUE_LIMIT events behind (a slow consumer): reconnect
  and resume with `after:`;
- 1009 a message over WS_MAX_MESSAGE_BYTES (closed by the server before it is read).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from graphql.error import GraphQLSyntaxError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    SubscribeMessage,
)

from app.authentication import Accounts, Identity
from app.context import Context
from app.errors import ApiError

logger = logging.getLogger("app.websocket")

CREDENTIALS_REFUSED = 4403
TOO_MANY_CONNECTIONS = 4429
SLOW_CONSUMER = 4420


class ConnectionRefused(Exception):
    """A connection_init refused with a close code of its own."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class ConnectionCounter:
    """The open connections of each identity, in this process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open: Counter[str] = Counter()

    def admit(self, identity: str) -> None:
        """Count a new connection of `identity`; ConnectionRefused beyond the limit."""
        if self.open[identity] >= self.limit:
            raise ConnectionRefused(TOO_MANY_CONNECTIONS,
                                    f"At most {self.limit} connections per person")
        self.open[identity] += 1

    def release(self, identity: str) -> None:
        """Count a connection of `identity` as closed."""
        self.open[identity] -= 1
        if self.open[identity] <= 0:
            del self.open[identity]


class Connection:
    """One acknowledged WebSocket connection: who it speaks for, and how to end it."""

    def __init__(self, context: Context, identity: str, authorization: str | None,
                 checked: Identity | None) -> None:
        self.context = context
        self.identity_checked = checked
        self.handler: SubscriptionHandler | None = None  # attached once acknowledged
        self.identity = identity
        self.authorization = authorization
        self.closing = False

    async def check(self, thorough: bool = False) -> None:
        """Close the connection (4403) when its credentials are no longer valid. Before each
        event only what this process knows is consulted (expiry, a revocation, the session
        checked recently), unless that is not enough; `thorough` checks the token again."""
        if self.authorization is None or self.closing:
            return
        context = self.context
        assert context.accounts is not None
        if (not thorough and self.identity_checked is not None
                and context.accounts.still_open(self.identity_checked)):
            return
        try:
            self.identity_checked = await context.accounts.authenticate(
                context.db, self.authorization)
        except ApiError:
            await self.close(CREDENTIALS_REFUSED, "The access token is no longer valid")

    async def close(self, code: int, reason: str) -> None:
        """Close the connection once, with `code`."""
        if self.closing or self.handler is None:
            return
        self.closing = True
        with contextlib.suppress(RuntimeError, OSError):  # the client may be gone already
            await self.handler.websocket.close(code=code, reason=reason)

    def close_soon(self, code: int, reason: str) -> None:
        """Close the connection from code that may not wait (the event hub)."""
        if self.handler is None:
            return
        task = asyncio.get_running_loop().create_task(self.close(code, reason))
        self.handler.background.add(task)
        task.add_done_callback(self.handler.background.discard)


async def admit(context: Context, accounts: Accounts, counter: ConnectionCounter) -> None:
    """Authenticate a connection from its `connection_init` payload and count it."""
    params = context.connection_params or {}
    authorization = params.get("Authorization", params.get("authorization"))
    if authorization is not None and not isinstance(authorization, str):
        raise ConnectionRefused(CREDENTIALS_REFUSED, "Authorization must be a string")
    try:
        identity = await accounts.authenticate(context.db, authorization)
    except ApiError as error:
        raise ConnectionRefused(CREDENTIALS_REFUSED, str(error)) from None
    if identity is not None:
        context.viewer_id, context.session_id = identity.user_id, identity.session_id
    key = (f"user:{identity.user_id}" if identity is not None
           else f"address:{context.client_address}")
    counter.admit(key)
    context.connection = Connection(context, key, authorization, identity)


class SubscriptionHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's `graphql-transport-ws` handler, with credentials checked in
    `connection_init` and while the connection lasts, a limit of connections per identity,
    and subscriptions only."""

    background: set[asyncio.Task[Any]]
    watchdog: asyncio.Task[None] | None = None

    @property
    def counter(self) -> ConnectionCounter:
        """The view's count of open connections per identity."""
        counter: ConnectionCounter = self.view.connections  # type: ignore[attr-defined]
        return counter

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        self.background = set()
        try:
            await super().handle_connection_init(message)  # calls view.on_ws_connect: admit
        except ConnectionRefused as refusal:
            await self.websocket.close(code=refusal.code, reason=refusal.reason)
            return
        connection = self.context.connection
        if self.connection_acknowledged and connection is not None:
            connection.handler = self
            self.watchdog = asyncio.create_task(self._watch(connection))

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        refusal = _not_a_subscription(message)
        if refusal is None:
            await super().handle_subscribe(message)
            return
        await self.send_message({"id": message["id"], "type": "error",
                                 "payload": [refusal.formatted]})

    async def shutdown(self) -> None:
        if self.watchdog is not None:
            self.watchdog.cancel()
        connection = self.context.connection
        if connection is not None:
            self.context.connection = None
            self.counter.release(connection.identity)
        await super().shutdown()

    async def _watch(self, connection: Connection) -> None:
        interval = self.context.settings.subscription_check_seconds
        while not connection.closing:
            await asyncio.sleep(interval)
            try:
                await connection.check(thorough=True)
            except Exception:  # an unreachable database: try again at the next turn
                logger.warning("could not check a connection's credentials", exc_info=True)


def _not_a_subscription(message: SubscribeMessage) -> GraphQLError | None:
    """The error for an operation that is not a subscription (queries and mutations go over
    HTTP); None for a subscription, and for a text that does not parse (whose syntax error
    the handler answers as usual)."""
    payload = message.get("payload") or {}
    try:
        document = parse(payload.get("query") or "")
    except GraphQLSyntaxError:
        return None
    name = payload.get("operationName")
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode) or (
                name and (definition.name is None or definition.name.value != name)):
            continue
        if definition.operation != OperationType.SUBSCRIPTION:
            return GraphQLError("Only subscriptions are served over WebSocket; send queries "
                                "and mutations over HTTP.",
                                extensions={"code": "BAD_USER_INPUT"})
    return None
