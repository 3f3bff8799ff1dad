"""`/metrics`: what this process did and holds, in Prometheus's text format.

Written with prometheus_client, which gets the exposition format's details right (escaping,
histogram buckets, `_created` samples) and adds the process's CPU, memory and file descriptors.
Each application has a registry of its own, so that several in one process (tests) do not mix
their numbers; each API process is scraped on its own (one uvicorn worker per container).

Operation names are chosen by clients: to keep the number of series bounded, the first
METRICS_MAX_OPERATIONS distinct names get a label of their own and later ones are counted
together as `(other)`; an operation without a name is `(anonymous)`, a request whose
document did not parse `(unparsed)`. In production without METRICS_TOKEN, /metrics is not
served (404); with it, a scrape must carry `Authorization: Bearer <METRICS_TOKEN>`.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import choose_encoder
from prometheus_client.registry import Collector
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from app.settings import Settings

if TYPE_CHECKING:
    from app.observability import OperationRecord
    from app.websocket import Connections

ANONYMOUS = "(anonymous)"
UNPARSED = "(unparsed)"
OTHER = "(other)"
GRAPHQL_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,99}")

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# GitHub's node-limit model: a request may ask for up to 500,000 nodes.
COST_BUCKETS = (1, 10, 50, 100, 500, 1000, 5000, 10_000, 50_000, 100_000, 500_000)
ROUND_TRIP_BUCKETS = (0, 1, 2, 3, 4, 6, 8, 12, 16, 32, 64)


class OperationNames:
    """Labels for operation names, at most `limit` distinct ones."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.known: set[str] = set()

    def label(self, name: str | None, parsed: bool = True) -> str:
        """The label of an operation called `name` (None: anonymous, or not parsed)."""
        if not parsed:
            return UNPARSED
        if name is None:
            return ANONYMOUS
        if name in self.known:
            return name
        if len(self.known) >= self.limit or not GRAPHQL_NAME.fullmatch(name):
            return OTHER
        self.known.add(name)
        return name


class Metrics:
    """The application's metrics: recorded by app.observability after each request, read
    from the application's state (connections, subscribers, driver) at each scrape."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.registry = CollectorRegistry()
        self.names = OperationNames(settings.metrics_max_operations)
        registry = self.registry
        ProcessCollector(registry=registry)
        PlatformCollector(registry=registry)
        self.http_requests = Counter(
            "http_requests", "HTTP requests by route, method and status.",
            ["route", "method", "status"], registry=registry)
        self.http_duration = Histogram(
            "http_request_duration_seconds", "Time to answer an HTTP request, by route.",
            ["route"], buckets=LATENCY_BUCKETS, registry=registry)
        self.operations = Counter(
            "graphql_operations", "GraphQL operations over HTTP by name, type and outcome "
            "(ok, user_error: a mutation answered with userErrors, or the error's code).",
            ["operation", "type", "outcome"], registry=registry)
        self.compiled = Counter(
            "graphql_compiled_operations", "GraphQL operations over HTTP answered by compiled "
            "execution (one Cypher statement per root field), by type.",
            ["type"], registry=registry)
        self.duration = Histogram(
            "graphql_operation_duration_seconds", "Time to answer a GraphQL operation.",
            ["operation", "type"], buckets=LATENCY_BUCKETS, registry=registry)
        self.cost = Histogram(
            "graphql_operation_cost", "Computed cost of GraphQL operations (when known).",
            ["type"], buckets=COST_BUCKETS, registry=registry)
        self.cost_by_operation = Counter(
            "graphql_cost_by_operation", "Sum of the computed cost, by operation.",
            ["operation"], registry=registry)
        self.round_trips = Histogram(
            "graphql_operation_cypher_round_trips", "Cypher round trips of one operation.",
            ["type"], buckets=ROUND_TRIP_BUCKETS, registry=registry)
        self.cypher_duration = Histogram(
            "graphql_operation_cypher_seconds", "Time one operation spent waiting for Neo4j.",
            ["type"], buckets=LATENCY_BUCKETS, registry=registry)

    def watch(self, state: State, connections: Connections) -> None:
        """Report, at each scrape, what the application holds now."""
        self.registry.register(_Live(state, connections, self.settings.neo4j_max_pool_size))

    def observe_http(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count an HTTP request (or a WebSocket connection, when it ends)."""
        self.http_requests.labels(route, method, str(status)).inc()
        self.http_duration.labels(route).observe(seconds)

    def observe_operation(self, operation: OperationRecord, seconds: float) -> None:
        """Count a GraphQL operation answered over HTTP, with its cost and Cypher work."""
        name = self.names.label(operation.name, operation.parsed)
        kind = operation.type
        self.operations.labels(name, kind, operation.outcome).inc()
        if operation.compiled:
            self.compiled.labels(kind).inc()
        self.duration.labels(name, kind).observe(seconds)
        if operation.cost is not None:
            self.cost.labels(kind).observe(operation.cost)
            self.cost_by_operation.labels(name).inc(operation.cost)
        if operation.round_trips is not None:
            self.round_trips.labels(kind).observe(operation.round_trips)
            self.cypher_duration.labels(kind).observe(operation.cypher_seconds)

    def exposition(self, accept: str) -> tuple[bytes, str]:
        """Every metric, and the media type: the format the scraper's Accept header asks
        for (OpenMetrics, or Prometheus text 1.0.0), else Prometheus text 0.0.4."""
        encode, media_type = choose_encoder(accept)
        return encode(self.registry), media_type


class _Live(Collector):
    """Gauges and counters read from the application's state at scrape time."""

    def __init__(self, state: State, connections: Connections, pool_size: int) -> None:
        self.state = state
        self.connections = connections
        self.pool_size = pool_size

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily("graphql_websocket_connections",
                                "Open WebSocket connections (acknowledged).",
                                value=len(self.connections.open))
        hub = getattr(self.state, "hub", None)
        yield GaugeMetricFamily("graphql_subscriptions_active",
                                "Subscriptions receiving events in this process.",
                                value=len(hub.subscribers) if hub is not None else 0)
        db = getattr(self.state, "db", None)
        if db is not None:
            yield CounterMetricFamily("neo4j_round_trips", "Cypher statements sent to Neo4j "
                                      "(requests and background work).",
                                      value=db.totals.round_trips)
            yield CounterMetricFamily("neo4j_round_trip_seconds",
                                      "Time spent waiting for Neo4j's answers.",
                                      value=db.totals.seconds)
            yield GaugeMetricFamily("neo4j_statements_in_flight",
                                    "Statements sent and not yet answered.", value=db.in_flight)
            yield GaugeMetricFamily("neo4j_pool_max_connections",
                                    "The driver's connection pool size (NEO4J_MAX_POOL_SIZE).",
                                    value=self.pool_size)
            use = pool_use(db.driver)
            if use is not None:
                pool = GaugeMetricFamily("neo4j_pool_connections",
                                         "The driver's pooled connections, by state.",
                                         labels=["state"])
                pool.add_metric(["in_use"], use[0])
                pool.add_metric(["idle"], use[1] - use[0])
                yield pool
        webhooks = getattr(self.state, "webhooks", None)
        if webhooks is not None:
            deliveries = CounterMetricFamily("webhook_delivery_attempts",
                                             "Webhook delivery attempts by outcome "
                                             "(DELIVERED, RETRY, DISABLED).", labels=["outcome"])
            for outcome, count in sorted(webhooks.outcomes.items()):
                deliveries.add_metric([outcome], count)
            yield deliveries


def pool_use(driver: Any) -> tuple[int, int] | None:
    """(in use, total) connections of the driver's pool; None when the driver does not show
    them. The driver has no public API for this: its pool's `connections` (a deque per server
    address, each connection flagged `in_use`) is read, and anything unexpected is skipped."""
    connections = getattr(getattr(driver, "_pool", None), "connections", None)
    if not isinstance(connections, Mapping):
        return None
    in_use = total = 0
    try:
        for pooled in list(connections.values()):
            for connection in list(pooled):
                total += 1
                in_use += bool(getattr(connection, "in_use", False))
    except (TypeError, RuntimeError):
        return None
    return in_use, total


def metrics_route(metrics: Metrics, settings: Settings) -> Any:
    """The `/metrics` endpoint, behind METRICS_TOKEN when it is set (see the module)."""
    token = settings.metrics_token.get_secret_value() if settings.metrics_token else None

    async def endpoint(request: Request) -> Response:
        if token is None and settings.env == "production":
            return PlainTextResponse("Not Found", status_code=404)
        if token is not None:
            scheme, _, given = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                     token.encode()):
                return PlainTextResponse("A bearer token is required.", status_code=401,
                                         headers={"WWW-Authenticate": "Bearer"})
        body, media_type = metrics.exposition(request.headers.get("accept", ""))
        return Response(body, headers={"Content-Type": media_type})

    return endpoint
