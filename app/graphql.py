"""The GraphQL endpoint: strawberry's ASGI app with the request context.

File uploads follow the GraphQL multipart request specification, with two guards before
strawberry reads a byte of them. A multipart request must carry a header that no cross-site
"simple" request can (`GraphQL-Require-Preflight`, or the `Apollo-Require-Preflight` and
`X-Apollo-Operation-Name` that Apollo's upload clients send), so that a browser asks first
(a CORS preflight). And its body may hold at most UPLOAD_MAX_BYTES plus UPLOAD_FORM_ALLOWANCE
bytes: a larger declared length is refused at once, and a body that grows past it (chunked,
or lying about its length) is cut off as it arrives. And it must come from a signed-in person,
checked before the body is read. Each answers with a GraphQL error body: 400
PREFLIGHT_REQUIRED, 413 PAYLOAD_TOO_LARGE, 401 UNAUTHENTICATED (503 UNAVAILABLE when the
credentials cannot be checked).

Any other request body (JSON) may hold at most MAX_REQUEST_BYTES, cut off the same way (413
PAYLOAD_TOO_LARGE), and holds one operation: a JSON array (a batch) is refused with 400
BAD_USER_INPUT. strawberry's own refusals (a mutation over GET, an unknown operationName, a
body that is not JSON, a `query` or `variables` of the wrong type) are plain text there; here
they answer the same GraphQL error body, 400 BAD_USER_INPUT. Each request spends its cost
from its identity's budget (app/rate_limit.py).

A request has REQUEST_TIMEOUT for its statements from its arrival, the check of its
credentials included; an upload's operation has it again from when its body has arrived (a
slow upload does not spend it). The answer of a GET tells caches in front of the API what they
may keep (`cache_control`).
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.base import BaseRequestProtocol
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from app.answers import credentials_response, error_response
from app.authentication import Accounts
from app.context import Context
from app.db import Database, begin_stats, request_deadline
from app.extensions import cypher_statistics, shaped
from app.file_store import FileStore
from app.observability import finish_operation, note_operation, note_viewer
from app.persisted_queries import PersistedQueries, load_registered
from app.query_limits import cost_results
from app.rate_limit import Budget, RateLimiter, identity_key
from app.settings import Settings
from app.websocket import Connections, SubscriptionHandler, admit
from schema.compiled.direct import asked, compiled
from schema.compiled.executor import compiled_answer

# Headers a cross-site form or simple request cannot set: one of them forces a preflight.
PREFLIGHT_HEADERS = (b"graphql-require-preflight", b"apollo-require-preflight",
                     b"x-apollo-operation-name")
# What a multipart request may carry beside its files: the operation, the map, the boundaries.
UPLOAD_FORM_ALLOWANCE = 1 << 20


class GraphQLApp(GraphQL[Context, None]):
    """`/graphql`: POST for every operation (multipart for uploads), GET for queries only,
    WebSocket (`graphql-transport-ws`) for subscriptions, GraphiQL in a browser."""

    graphql_transport_ws_handler_class = SubscriptionHandler

    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            # no GraphiQL in production, where introspection, which it needs, is off
            schema, graphql_ide="graphiql" if settings.env != "production" else None,
            allow_queries_via_get=True,
            multipart_uploads_enabled=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=settings.ws_init_timeout_seconds),
            max_subscriptions_per_connection=settings.subscriptions_per_connection)
        self.settings = settings
        self.accounts = Accounts(settings)
        self.files = FileStore(settings.documents_path)
        self.persisted_queries = PersistedQueries(
            load_registered(settings.persisted_queries_path),
            settings.persisted_queries_cache_bytes, settings.persisted_queries_only)
        self.connections = Connections(self.accounts, settings.connections_per_identity,
                                       settings.subscription_check_seconds)
        self.rate_limiter = RateLimiter.from_settings(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        await self._answer_http(scope, receive, send)

    async def _answer_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        with request_deadline(self.settings.request_timeout):
            if _is_multipart(scope):
                await self._multipart(scope, receive, send)
                return
            limit = self.settings.max_request_bytes
            if _declared_length(dict(scope["headers"])) > limit:
                refusal = _too_large(limit, "A request")
            else:
                try:
                    await self._run(scope, _capped(receive, limit), send)
                    return
                except _BodyTooLarge:
                    refusal = _too_large(limit, "A request")
                except _Batch:
                    refusal = _batch_refused()
        await refusal(scope, receive, send)

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        """strawberry's answer to an HTTP request, its own refusals in the GraphQL shape."""
        request = Request(scope=scope, receive=receive)
        try:
            response = await self._direct(request) or await self.run(request)
        except HTTPException as refusal:
            response = error_response(refusal.status_code, "NOT_FOUND" if
                                      refusal.status_code == 404 else "BAD_USER_INPUT",
                                      refusal.reason)
        await response(scope, receive, send)

    async def _direct(self, request: Request) -> Response | None:
        """The answer of a POSTed query that compiles (schema/compiled/direct.py); None when
        the request goes the whole way: then strawberry reads the same body and answers with
        the context built here (one sign-in check, one charge)."""
        if not (self.settings.direct_answers and self.settings.compiled_execution) or \
                request.method != "POST" or _media_type(request.scope) != b"application/json":
            return None
        # as the whole way does: the context (the viewer, the budget) before the body
        request.state.sub_response = sub_response = await super().get_sub_response(request)
        context = request.state.context = await self.get_context(request, sub_response)
        if context.refusal is not None:
            return None
        try:
            body = self.parse_json(await request.body())
        except ValueError:  # not even text: the whole way's answer
            return None
        query = asked(self.schema, self.settings, self.persisted_queries, body)
        if query is None:
            return None
        budget, cost = context.budget, query.analysis.cost
        if budget is not None and not budget.covers(cost):
            return None  # refused the whole way, before validating or compiling
        operation = compiled(self.schema, self.settings, query)
        if operation is None:
            return None
        data = await compiled_answer(operation, context)
        if data is None:  # the whole way answers, without trying the compiled read again
            context.compiles = False
            return None
        if budget is not None:
            # charged once answered: a request of the same budget answered meanwhile may have
            # left too little, and the whole way refuses it
            if not budget.covers(cost):
                return None
            budget.spend(cost)
        if query.learned is not None:
            self.persisted_queries.remember(query.learned)
        note_operation(query.operation_name, "query")
        result = ExecutionResult(data=data, errors=None, extensions={
            **cypher_statistics(context), **cost_results(query.analysis, self.settings, budget)})
        return self.create_response(await self.process_result(request, result), sub_response)

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        """strawberry's answer, with the context a direct attempt built for the request."""
        state = getattr(request, "state", None)
        if context is UNSET and state is not None:
            context = getattr(state, "context", UNSET)
        return await super().run(request, context, root_value)

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        """The response whose status and headers the answer takes: the one a direct attempt
        gave the request's budget, else a new one."""
        started = getattr(request.state, "sub_response", None)
        return started if started is not None else await super().get_sub_response(request)

    async def execute_operation(self, *args: Any, **kwargs: Any) -> Any:
        """Run an HTTP operation; an upload's within REQUEST_TIMEOUT from when its body has
        arrived (a slow upload does not spend it); subscriptions live on."""
        if not _is_multipart(kwargs["request"].scope):
            return await super().execute_operation(*args, **kwargs)
        with request_deadline(self.settings.request_timeout):
            return await super().execute_operation(*args, **kwargs)

    async def _multipart(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope["headers"])
        limit = self.settings.upload_max_bytes + UPLOAD_FORM_ALLOWANCE
        if not any(headers.get(name, b"").strip() for name in PREFLIGHT_HEADERS):
            refusal = error_response(400, "PREFLIGHT_REQUIRED", "An upload needs the header "
                               "GraphQL-Require-Preflight (any value), so that a browser "
                               "checks with this API before sending it.")
        elif _declared_length(headers) > limit:
            refusal = _too_large(limit)
        elif (signed_out := await self._signed_out(Request(scope))) is not None:
            # every upload needs a signed-in person: refused before its body is read
            refusal = signed_out
        else:
            try:
                await self._run(scope, _capped(receive, limit), send)
                return
            except _BodyTooLarge:
                refusal = _too_large(limit)
            except _Batch:
                refusal = _batch_refused()
        await refusal(scope, receive, send)

    def parse_json(self, data: str | bytes) -> Any:
        """A request body's JSON (or an upload's `operations`); a batch (an array of
        operations) is refused: one operation per request keeps the cost and rate limits per
        operation."""
        parsed = super().parse_json(data)
        if isinstance(parsed, list):
            raise _Batch
        return parsed

    def parse_query_params(self, params: Any) -> dict[str, Any]:
        """A GET's parameters, `variables` and `extensions` decoded from JSON: never a batch
        (an array there is a value of the wrong type, refused as such by strawberry)."""
        parsed = dict(params)
        for name in ("variables", "extensions"):
            if parsed.get(name):
                parsed[name] = super().parse_json(parsed[name])
        return parsed

    async def get_context(self, request: Request | WebSocket,
                          response: Response | WebSocket) -> Context:
        """The request's context, with the viewer its `Authorization` header names (see
        app.authentication); a refused header is kept as the context's `refusal`."""
        database: Database = request.app.state.db
        context = Context(db=database, settings=self.settings, stats=begin_stats(),
                          accounts=self.accounts, files=self.files,
                          hub=getattr(request.app.state, "hub", None),
                          persisted_queries=self.persisted_queries,
                          client_address=request.client.host if request.client else None)
        if isinstance(request, WebSocket):
            return context  # signed in by its connection_init (on_ws_connect)
        try:
            identity = await self.accounts.authenticate(
                database, request.headers.get("authorization"))
        except Exception as error:  # shaped by app.extensions like any other error
            context.refusal = error
            identity = None
        if identity is not None:
            context.viewer_id, context.session_id = identity.user_id, identity.session_id
        note_viewer(context.viewer_id, context.stats)
        self._budget(context, response)
        if isinstance(response, Response) and request.method == "GET":
            response.headers.update(cache_control(
                signed=request.headers.get("authorization") is not None,
                seconds=self.settings.public_cache_seconds))
        return context

    def _budget(self, context: Context, response: Response | WebSocket) -> None:
        """Give an HTTP request its identity's budget and report it (app/rate_limit.py)."""
        if isinstance(response, Response):
            key = identity_key(context.viewer_id, context.client_address)
            context.budget = Budget(self.rate_limiter, key, response)
            context.budget.report(self.rate_limiter.standing(key))

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        """GraphiQL for a browser's GET without a query, but not for a persisted query's GET
        (its `extensions` stands for the query, and its client may accept anything)."""
        return super().should_render_graphql_ide(request) and \
            request.query_params.get("extensions") is None

    async def on_ws_connect(self, context: Context) -> UnsetType:
        """Sign a WebSocket connection in from its `connection_init` payload (app.websocket)
        and give it its identity's budget."""
        # its credentials' check gets a request's time, so a frozen Neo4j cannot hold it
        with request_deadline(self.settings.request_timeout):
            await admit(context, self.accounts, self.connections)
        note_viewer(context.viewer_id)
        # its subscribes spend from its identity's budget, as that identity's HTTP requests do
        context.budget = Budget(self.rate_limiter,
                                identity_key(context.viewer_id, context.client_address))
        acknowledged: UnsetType = UNSET  # an acknowledgement without payload
        return acknowledged

    async def _signed_out(self, request: Request) -> JSONResponse | None:
        """None when the request's credentials name a person; else the answer: 401 (none, or
        refused), 503 (they could not be checked)."""
        try:
            identity = await self.accounts.authenticate(request.app.state.db,
                                                        request.headers.get("authorization"))
        except Exception as refusal:
            return credentials_response(refusal)
        if identity is None:
            return error_response(401, "UNAUTHENTICATED", "Sign in to upload files.")
        return None

    async def route_context(self, request: Request) -> Context | JSONResponse:
        """The context of a plain HTTP route (downloads, exports), signed in as for GraphQL;
        the answer when the request's credentials were refused (401) or could not be checked
        (503 UNAVAILABLE)."""
        context = await self.get_context(request, Response())
        if context.refusal is not None:
            return credentials_response(context.refusal)
        return context

    async def process_result(self, request: Request,
                             result: ExecutionResult) -> GraphQLHTTPResponse:
        """A query that does not even parse fails before the schema's extensions run: its
        errors get their code here, as every other error does in app.extensions."""
        if result.errors:
            result.errors = shaped(result.errors)
        finish_operation(result)
        return await super().process_result(request, result)

    def encode_json(self, data: object) -> str:
        """The JSON of an answer or of a subscription's message, by orjson: an answer of
        220 KB (a three-level list of 100) takes 0.3 ms where json.dumps takes 4.4.
        Non-ASCII characters are written as UTF-8 rather than escaped; text, so that a
        WebSocket message stays a text frame. What orjson refuses (an integer past 64 bits,
        a lone surrogate an error message repeats from a request) is written as json does,
        escaped, so that the answer is the one it would be."""
        try:
            return orjson.dumps(data).decode()
        except orjson.JSONEncodeError:
            return json.dumps(data, separators=(",", ":"))

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Masked errors were logged by app.extensions.ErrorShaping; client errors need none."""

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        """The answer; one with errors (a refusal, Neo4j away) is kept by no cache."""
        response = super().create_response(response_data, sub_response)
        if isinstance(response_data, dict) and response_data.get("errors") and \
                "public" in response.headers.get("cache-control", ""):
            response.headers["Cache-Control"] = "no-store"
        return response


def _media_type(scope: Scope) -> bytes:
    content_type: bytes = dict(scope["headers"]).get(b"content-type", b"")
    return content_type.split(b";")[0].strip().lower()


def _is_multipart(scope: Scope) -> bool:
    return _media_type(scope) == b"multipart/form-data"


def _declared_length(headers: dict[bytes, bytes]) -> int:
    """The Content-Length a request declares; 0 when it declares none (the cap still holds)."""
    declared = headers.get(b"content-length", b"")
    return int(declared) if declared.isdigit() else 0


def cache_control(signed: bool, seconds: int) -> dict[str, str]:
    """The caching headers of a GET's answer. One with credentials speaks for its person (and
    carries their rate limit): no cache keeps it. An anonymous one is the same for everyone
    (a persisted query's URL holds only its hash and variables): shared caches may keep it
    `seconds`, apart from the answers to requests with credentials (`Vary`)."""
    if signed or seconds == 0:
        return {"Cache-Control": "private, no-store"}
    return {"Cache-Control": f"public, max-age={seconds}", "Vary": "Authorization"}


def _too_large(limit: int, kind: str = "An upload request") -> JSONResponse:
    return error_response(413, "PAYLOAD_TOO_LARGE", f"{kind} may carry at most {limit} bytes.",
                          limit=limit)


def _batch_refused() -> JSONResponse:
    return error_response(400, "BAD_USER_INPUT", "Batched requests (a JSON array of "
                          "operations) are not accepted: send one operation per request.")


class _BodyTooLarge(Exception):
    pass


class _Batch(Exception):
    pass


def _capped(receive: Receive, limit: int) -> Receive:
    """`receive`, raising _BodyTooLarge once the body has grown past `limit` bytes."""
    seen = 0

    async def capped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLarge
        return message

    return capped
