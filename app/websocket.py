"""Subscriptions over WebSocket (`graphql-transport-ws` only): who is connected, and limits.

A client authenticates in `connection_init`, with the same bearer token as over HTTP:
`{"type": "connection_init", "payload": {"Authorization": "Bearer <token>"}}` (no payload, or
none of the key, is an anonymous connection, which sees only public events). Once the token
has expired or its session was revoked, the connection closes: at expiry (checked before every
event handed over), at once when this process revoked the session, within
SUBSCRIPTION_CHECK_SECONDS when another replica did (`Connections` asks Neo4j about all the
connections' sessions in one statement). Queries and mutations are answered over HTTP only; a
WebSocket carries subscriptions.

Each `subscribe` is measured and charged as an HTTP operation is (app.query_limits), from the
budget of the connection's identity (app.rate_limit): a refusal there (QUERY_TOO_COMPLEX,
RATE_LIMITED, ...) is the operation's `error` message, with `extensions.code`, as over HTTP.
A dry run (`extensions.dryRun`) is for HTTP: refused with BAD_USER_INPUT.

Close codes (besides the protocol's own 4400, 4408, 4409):
- 4403 the credentials are not valid, or no longer (revoked or expired): sign in and resume
  with `after:`;
- 4429 this identity (person, or address when anonymous) has CONNECTIONS_PER_IDENTITY open;
- 4420 the client fell SUBSCRIPTION_QUEUE_LIMIT events behind (a slow consumer): reconnect
  and resume with `after:`;
- 1009 a message over WS_MAX_MESSAGE_BYTES (closed by the server before it is read);
- 1013 the credentials could not be checked (Neo4j unreachable or saturated): try again later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, OperationType
from graphql.error import GraphQLSyntaxError
from neo4j.exceptions import DriverError, Neo4jError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    SubscribeMessage,
)

from app import cypher
from app.authentication import Accounts, Identity
from app.context import Context
from app.db import Database
from app.errors import ApiError, Unavailable
from app.limits import QueryTooComplex
from app.memory import long_lived
from app.query_limits import parse_within_limits

logger = logging.getLogger("app.websocket")

CREDENTIALS_REFUSED = 4403
TOO_MANY_CONNECTIONS = 4429
SLOW_CONSUMER = 4420
TRY_AGAIN_LATER = 1013  # the database could not be asked (WebSocket's own code for it)


class ConnectionRefused(Exception):
    """A connection_init refused with a close code of its own."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class Connection:
    """One acknowledged WebSocket connection: who it speaks for, and how to end it."""

    def __init__(self, context: Context, identity: str, authorization: str | None,
                 checked: Identity | None) -> None:
        self.context = context
        self.handler: SubscriptionHandler | None = None  # attached once acknowledged
        self.identity = identity
        self.authorization = authorization
        self.checked = checked
        self.closing = False

    def revoked_by(self, session_id: str | None, user_id: str | None) -> bool:
        """Whether a revocation of `session_id`, or of every session of `user_id`, ends it."""
        checked = self.checked
        return checked is not None and (
            (session_id is not None and checked.session_id == session_id)
            or (user_id is not None and checked.user_id == user_id))

    async def check(self, thorough: bool = False) -> bool:
        """Whether the connection's credentials still hold; when not, it is closed (4403).
        Before each live event only what this process knows is consulted (the token's
        expiry; revocations close connections at once, and the sweep of `Connections` asks
        Neo4j); `thorough` authenticates the token again (before reading the log for a
        subscriber catching up)."""
        if self.closing:
            return False
        if self.authorization is None:
            return True
        if thorough:
            await self.check_again()
            return not self.closing
        checked = self.checked
        if (checked is not None and checked.expires_at is not None
                and checked.expires_at <= time.time()):
            await self.close(CREDENTIALS_REFUSED, "The access token has expired")
        return not self.closing

    async def check_again(self) -> None:
        """Authenticate the connection's token again (external tokens, without a session
        here); close the connection (4403) when it is refused."""
        context = self.context
        assert context.accounts is not None
        try:
            self.checked = await context.accounts.authenticate(context.db, self.authorization)
        except Unavailable:
            return  # the identity provider or Neo4j is away: not a refusal; checked again
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


class Connections:
    """The open WebSocket connections of this process: counted per identity, and their
    credentials checked together. A revocation made by this process (sign-out, password
    change) closes the connections it concerns at once; every SUBSCRIPTION_CHECK_SECONDS one
    statement asks Neo4j which of all their sessions are still open, so revocations made by
    other replicas end connections within that time, and a thousand connections cost one read,
    not a thousand."""

    def __init__(self, accounts: Accounts, limit: int, check_seconds: float) -> None:
        self.accounts = accounts
        self.limit = limit
        self.check_seconds = check_seconds
        self.per_identity: Counter[str] = Counter()
        self.open: set[Connection] = set()
        self._sweeper: asyncio.Task[None] | None = None
        accounts.revocation_listeners.append(self._revoked)

    def admit(self, connection: Connection) -> None:
        """Count a new connection; ConnectionRefused beyond the limit of its identity."""
        if self.per_identity[connection.identity] >= self.limit:
            raise ConnectionRefused(TOO_MANY_CONNECTIONS,
                                    f"At most {self.limit} connections per person")
        self.per_identity[connection.identity] += 1
        self.open.add(connection)
        long_lived.opened()
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = asyncio.create_task(self._sweep_while_open(connection.context.db))

    def release(self, connection: Connection) -> None:
        """Count a connection as closed."""
        if connection not in self.open:
            return
        self.open.discard(connection)
        long_lived.closed()
        self.per_identity[connection.identity] -= 1
        if self.per_identity[connection.identity] <= 0:
            del self.per_identity[connection.identity]

    def _revoked(self, session_id: str | None, user_id: str | None) -> None:
        for connection in list(self.open):
            if connection.revoked_by(session_id, user_id):
                connection.close_soon(CREDENTIALS_REFUSED, "The session was closed")

    async def _sweep_while_open(self, db: Database) -> None:
        while self.open:
            await asyncio.sleep(self.check_seconds)
            try:
                await self.sweep(db)
            except Exception:  # an unreachable database: try again at the next turn
                logger.warning("could not check the connections' sessions", exc_info=True)

    async def sweep(self, db: Database) -> None:
        """Close every connection whose token expired or whose session is no longer open."""
        signed_in = [c for c in self.open if c.authorization is not None and not c.closing]
        with_session = [c for c in signed_in if c.checked and c.checked.session_id]
        sessions = {(c.checked.session_id, c.checked.user_id)
                    for c in with_session if c.checked is not None}
        records = await db.read(cypher.load("queries/accounts/open_sessions").text, {
            "sessions": [{"sessionId": s, "userId": u} for s, u in sessions]}) if sessions else []
        still_open = {record["sessionId"] for record in records}
        for connection in signed_in:
            checked = connection.checked
            if checked is None or checked.session_id is None:
                try:
                    await connection.check_again()
                except (Neo4jError, DriverError, OSError) as error:
                    logger.warning("could not check a connection's token: %s", error)
            elif checked.session_id not in still_open:
                await connection.close(CREDENTIALS_REFUSED, "The session was closed")
            else:
                await connection.check()


async def admit(context: Context, accounts: Accounts, connections: Connections) -> None:
    """Authenticate a connection from its `connection_init` payload and count it."""
    params = context.connection_params or {}
    authorization = params.get("Authorization", params.get("authorization"))
    if authorization is not None and not isinstance(authorization, str):
        raise ConnectionRefused(CREDENTIALS_REFUSED, "Authorization must be a string")
    try:
        identity = await accounts.authenticate(context.db, authorization)
    except Unavailable as error:
        raise ConnectionRefused(TRY_AGAIN_LATER, str(error)) from None
    except ApiError as error:
        raise ConnectionRefused(CREDENTIALS_REFUSED, str(error)) from None
    except (Neo4jError, DriverError) as error:
        logger.warning("could not check a connection's credentials: %s", error)
        raise ConnectionRefused(TRY_AGAIN_LATER, "The service is busy; try again") from None
    if identity is not None:
        context.viewer_id, context.session_id = identity.user_id, identity.session_id
    key = (f"user:{identity.user_id}" if identity is not None
           else f"address:{context.client_address}")
    connection = Connection(context, key, authorization, identity)
    connections.admit(connection)
    context.connection = connection


class SubscriptionHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's `graphql-transport-ws` handler, with credentials checked in
    `connection_init` and while the connection lasts, a limit of connections per identity,
    and subscriptions only."""

    background: set[asyncio.Task[Any]]

    @property
    def connections(self) -> Connections:
        """The view's open connections."""
        connections: Connections = self.view.connections  # type: ignore[attr-defined]
        return connections

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        self.background = set()
        try:
            await super().handle_connection_init(message)  # calls view.on_ws_connect: admit
        except ConnectionRefused as refusal:
            await self.websocket.close(code=refusal.code, reason=refusal.reason)
            return
        connection = self.context.connection
        if connection is not None:
            connection.handler = self

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        refusal = _dry_run(message) or _persisted(self.context, message) \
            or _not_a_subscription(message, self.context.settings.max_query_tokens)
        if refusal is None:
            await super().handle_subscribe(message)
            long_lived.grew()
            return
        await self.send_message({"id": message["id"], "type": "error",
                                 "payload": [refusal.formatted]})

    async def _send_result_stream(self, operation: Operation[Context, None],
                                  result_source: Any) -> None:
        """The operation's results; a refusal raised by a schema extension before it runs
        (app.query_limits: a limit, the rate limit) is its `error` message, as over HTTP."""
        try:
            await super()._send_result_stream(operation, result_source)
        except ApiError as refusal:
            await operation.send_initial_errors(
                [GraphQLError(str(refusal), extensions=refusal.extensions)])

    async def cleanup_operation(self, operation_id: str) -> None:
        await super().cleanup_operation(operation_id)
        long_lived.ended()

    async def shutdown(self) -> None:
        connection = self.context.connection
        if connection is not None:
            self.context.connection = None
            connection.closing = True
            self.connections.release(connection)
        await super().shutdown()


def _dry_run(message: SubscribeMessage) -> GraphQLError | None:
    """The refusal of a dry run: measuring without running is for HTTP, where its answer is
    the cost; a subscription asked with it would otherwise simply start."""
    payload = message.get("payload") or {}
    extensions = payload.get("extensions") if isinstance(payload, dict) else None
    if isinstance(extensions, dict) and extensions.get("dryRun") is True:
        return GraphQLError("dry runs are for HTTP: send the operation with "
                            "extensions.dryRun by POST to /graphql.",
                            extensions={"code": "BAD_USER_INPUT"})
    return None


def _persisted(context: Context, message: SubscribeMessage) -> GraphQLError | None:
    """Puts the text of a persisted query named by hash into the message (app.persisted_queries:
    a hash already known, since strawberry passes no `extensions` on to learn one here); the
    refusal to answer instead (unknown hash, or an unregistered text where only registered
    operations run)."""
    payload = message.get("payload") or {}
    if context.persisted_queries is None:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("extensions") or {}, dict):
        return GraphQLError("A subscribe message's payload and its `extensions` are objects.",
                            extensions={"code": "BAD_USER_INPUT"})
    try:
        query = context.persisted_queries.resolve(payload.get("query"),
                                                  payload.get("extensions"))
    except ApiError as error:
        return GraphQLError(str(error), extensions=error.extensions)
    if query is not None:
        message["payload"]["query"] = query
    return None


def _not_a_subscription(message: SubscribeMessage, max_tokens: int) -> GraphQLError | None:
    """The error for an operation that is not a subscription (queries and mutations go over
    HTTP), or for a text over the token limit; None for a subscription, and for a text that
    does not parse (whose syntax error the handler answers as usual)."""
    payload = message.get("payload") or {}
    try:
        document = parse_within_limits(payload.get("query") or "", max_tokens)
    except QueryTooComplex as refusal:
        return GraphQLError(str(refusal), extensions=refusal.extensions)
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
