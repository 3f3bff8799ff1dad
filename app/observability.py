"""Every request observed: its request id, its log line and its metrics.

`Observability` wraps the whole application (an ASGI middleware). It takes the request id from
`X-Request-ID` when it is sane (app.logs) or makes one, returns it in the response's
`X-Request-ID`, and keeps it and a `RequestRecord` for the request's task: every log line
written meanwhile carries the id, and the layers below fill the record in: the viewer
(app.graphql's context), the operation's name and type (`OperationObserver`, a schema
extension), its outcome and cost (`finish_operation`, from the HTTP response's result). When
the response is sent it writes one line, `app.requests`, and records the metrics (app.metrics).
A client that goes away before its request was read is no error of the server's: its line
and its `http_requests_total` say status 499 (as nginx does), and no error is logged.
A WebSocket connection gets a request id too, and its line when it closes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from app.db import QueryStats
from app.logs import accepted_request_id, request_id
from app.metrics import GRAPHQL_NAME, Metrics

logger = logging.getLogger("app.requests")

# Requests that probes and scrapers repeat every few seconds: logged at DEBUG only.
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
REQUEST_ID_HEADER = b"x-request-id"
# The status nginx logs for a request whose client closed the connection before the answer.
CLIENT_CLOSED_REQUEST = 499


@dataclass
class OperationRecord:
    """One GraphQL operation of a request, as its log line and metrics tell it."""

    name: str | None = None
    type: str = "unknown"  # query, mutation, subscription; unknown before it parsed
    parsed: bool = False
    outcome: str = "ok"  # ok, user_error, or the code of its (first) error
    cost: float | None = None
    round_trips: int | None = None
    cypher_seconds: float = 0.0
    compiled: bool = False  # answered by compiled execution (schema/compiled)


@dataclass
class RequestRecord:
    """What the layers of one request learn about it."""

    request_id: str
    websocket: bool = False
    viewer_id: str | None = None
    stats: QueryStats | None = None
    operation: OperationRecord | None = None


_current: ContextVar[RequestRecord | None] = ContextVar("request_record", default=None)


def current_request() -> RequestRecord | None:
    """The record of the request being served (None outside requests)."""
    return _current.get()


def note_viewer(viewer_id: str | None, stats: QueryStats | None = None) -> None:
    """Tell the request's record who asks, and where its Cypher round trips are counted."""
    record = _current.get()
    if record is not None:
        record.viewer_id = viewer_id
        if stats is not None:
            record.stats = stats


KNOWN_METHODS = frozenset({"GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH",
                           "WEBSOCKET"})


class OperationObserver(SchemaExtension):
    """Notes the name and type of an operation answered over HTTP in its request's record."""

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context
        if context.graphql_document is None:
            note_operation(None, None, parsed=False)
            return
        try:
            kind = context.operation_type.value
        except Exception:  # a document without the operation it was asked to run
            kind = "unknown"
        note_operation(context.operation_name, kind)


def note_operation(name: str | None, kind: str | None, parsed: bool = True) -> None:
    """Tell the record of the HTTP request being served the name and type (query, mutation,
    subscription, unknown) of its operation; an operation that did not parse keeps neither."""
    record = _current.get()
    if record is None or record.websocket:
        return
    operation = record.operation = record.operation or OperationRecord()
    if not parsed:
        return
    operation.parsed = True
    operation.name = name if name is not None and GRAPHQL_NAME.fullmatch(name) else None
    operation.type = kind or "unknown"


def finish_operation(result: ExecutionResult) -> None:
    """Complete the record's operation from its result (errors already shaped): its
    outcome and cost."""
    record = _current.get()
    if record is None:
        return
    operation = record.operation = record.operation or OperationRecord()
    operation.outcome = outcome_of(result)
    operation.cost = cost_of(result.extensions)


def outcome_of(result: ExecutionResult) -> str:
    """`INTERNAL` when any error is; else the first error's code; `user_error` for an
    answer carrying userErrors; else `ok`."""
    codes = [str((error.extensions or {}).get("code", "INTERNAL")) for error in result.errors or []]
    if "INTERNAL" in codes:
        return "INTERNAL"
    if codes:
        return codes[0] if GRAPHQL_NAME.fullmatch(codes[0]) else "OTHER"
    data = result.data if isinstance(result.data, dict) else {}
    if any(isinstance(payload, dict) and payload.get("userErrors")
           for payload in data.values()):
        return "user_error"
    return "ok"


def cost_of(extensions: dict[str, Any] | None) -> float | None:
    """The cost in a response's `extensions.cost`: a number, or the first number among the
    usual keys of an object; None without one."""
    cost = (extensions or {}).get("cost")
    if isinstance(cost, dict):
        for key in ("requestedQueryCost", "requested", "actualQueryCost", "total", "cost",
                    "nodes"):
            if isinstance(cost.get(key), int | float) and not isinstance(cost[key], bool):
                return float(cost[key])
        return None
    if isinstance(cost, int | float) and not isinstance(cost, bool):
        return float(cost)
    return None


class Observability:
    """The ASGI middleware of the module's description."""

    def __init__(self, app: Any, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(REQUEST_ID_HEADER)
        record = RequestRecord(accepted_request_id(header.decode("latin-1") if header else None),
                               websocket=scope["type"] == "websocket")
        id_token = request_id.set(record.request_id)
        record_token = _current.set(record)
        started = time.perf_counter()
        status = 500  # what the client gets when the application fails before answering

        async def send_with_id(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] in ("http.response.start", "websocket.accept"):
                status = message.get("status", 101)
                message = {**message, "headers": [
                    *message.get("headers", []),
                    (REQUEST_ID_HEADER, record.request_id.encode())]}
            elif message["type"] == "websocket.close" and status == 500:
                status = 403  # refused before it was accepted
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except ClientDisconnect:
            # the client went away before its request was read: nobody to answer, nothing
            # wrong with the server (counted and logged with nginx's 499)
            status = CLIENT_CLOSED_REQUEST
        except Exception:
            # logged here, with the request id, before the server answers 500
            logger.exception("unhandled error")
            raise
        finally:
            try:
                self._finished(scope, record, status, time.perf_counter() - started)
            finally:
                _current.reset(record_token)
                request_id.reset(id_token)

    def _finished(self, scope: dict[str, Any], record: RequestRecord, status: int,
                  seconds: float) -> None:
        route = scope.get("route")
        route_path = getattr(route, "path", None) or "(unmatched)"
        method = scope.get("method", "WEBSOCKET")
        if method not in KNOWN_METHODS:  # any token is a method to h11: never a new series
            method = "OTHER"
        self.metrics.observe_http(route_path, method, status, seconds)
        fields: dict[str, Any] = {"method": method, "path": scope["path"], "status": status,
                                  "durationMs": round(seconds * 1000, 2),
                                  "viewerId": record.viewer_id}
        operation = record.operation
        if operation is not None and not record.websocket:
            if record.stats is not None:
                operation.round_trips = record.stats.round_trips
                operation.cypher_seconds = record.stats.seconds
                operation.compiled = record.stats.compiled
            self.metrics.observe_operation(operation, seconds)
            fields.update(operationName=operation.name, operationType=operation.type,
                          outcome=operation.outcome, cost=operation.cost,
                          cypherRoundTrips=operation.round_trips,
                          cypherMs=round(operation.cypher_seconds * 1000, 2),
                          compiled=operation.compiled)
        level = logging.DEBUG if scope["path"] in QUIET_PATHS else logging.INFO
        what = "websocket closed" if record.websocket else "request"
        logger.log(level, what, extra=fields)
