"""The ASGI application: `/graphql`, `/documents/{id}` (downloads), `/export/network`,
`/healthz`, `/readyz`, `/metrics`, every request observed (app.observability), and the
lifespan of the Neo4j driver, the event hub and the webhook dispatcher.

    uvicorn app.main:app    # with NEO4J_URI and NEO4J_PASSWORD in the environment
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from neo4j.exceptions import DriverError, Neo4jError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

from app import cypher, migrations
from app.db import Database, open_driver
from app.downloads import download_route
from app.een_export import EEN_EXPORT_ROUTE, een_export_route
from app.event_hub import EventHub
from app.event_relay import RedisRelay
from app.exports import EXPORT_ROUTE, export_route
from app.graphql import GraphQLApp
from app.logs import configure_logging
from app.memory import settle_after_start_up
from app.metrics import Metrics, metrics_route
from app.observability import Observability
from app.settings import Settings, get_settings
from app.webhooks import WebhookDispatcher

logger = logging.getLogger("app")


def create_app(settings: Settings | None = None) -> Starlette:
    """The application for `settings` (by default those of the environment)."""
    settings = settings or get_settings()
    configure_logging(settings)
    from schema import schema
    from schema.documents.types import DOWNLOAD_ROUTE
    from schema.events.access import visible_pairs

    # The driver's DEBUG lines carry every statement's parameters, password and token hashes
    # among them: they are never written, whatever LOG_LEVEL says.
    driver_log = logging.getLogger("neo4j")
    driver_log.setLevel(max(driver_log.level, logging.INFO))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.temporary_signing_key:
            logger.warning("JWT_SECRET is not set: access tokens are signed with a key made up "
                           "for this process and stop working when it ends")
        driver = open_driver(settings)
        try:
            await driver.verify_connectivity()
        except (Neo4jError, DriverError, OSError) as error:
            # The API still starts: /readyz answers 503 until Neo4j is reachable.
            logger.warning("Neo4j at %s is not reachable yet: %s", settings.neo4j_uri, error)
        app.state.db = Database(driver, settings.neo4j_database, settings.query_timeout,
                                settings.neo4j_max_retry_time)
        relay = RedisRelay(settings.redis_url) if settings.redis_url else None
        app.state.hub = EventHub(app.state.db, visible_pairs, settings.event_poll_seconds,
                                 relay=relay)
        await app.state.hub.start()
        app.state.webhooks = None
        if settings.webhook_delivery:
            app.state.webhooks = WebhookDispatcher(app.state.db, settings, visible_pairs)
            app.state.hub.on_advance(app.state.webhooks.wake)
            await app.state.webhooks.start()
        settle_after_start_up()
        try:
            yield
        finally:
            if app.state.webhooks is not None:
                await app.state.webhooks.stop()
            await app.state.hub.stop()
            await app.state.db.close()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        database: Database = request.app.state.db
        try:
            async with asyncio.timeout(settings.readiness_timeout):
                await database.ping(cypher.load("queries/system/ping").text,
                                    settings.readiness_timeout)
                current = await migrations.is_current(database)
        except (Neo4jError, DriverError, TimeoutError, OSError) as error:
            # Unreachable, wrong credentials, unknown or starting database: not ready.
            return JSONResponse({"status": "unavailable", "neo4j": "unreachable",
                                 "reason": type(error).__name__}, status_code=503)
        if not current:
            return JSONResponse({"status": "unavailable", "neo4j": "ok",
                                 "migrations": "pending"}, status_code=503)
        return JSONResponse({"status": "ok", "neo4j": "ok", "migrations": "applied"})

    graphql_app = GraphQLApp(schema, settings)
    metrics = Metrics(settings)
    if settings.env == "production" and settings.metrics_token is None:
        logger.info("METRICS_TOKEN is not set: /metrics is not served")
    application = Starlette(
        routes=[
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql_app),
            Route(DOWNLOAD_ROUTE, download_route(graphql_app), methods=["GET", "HEAD"]),
            Route(EXPORT_ROUTE, export_route(graphql_app), methods=["GET"]),
            Route(EEN_EXPORT_ROUTE, een_export_route(graphql_app), methods=["GET"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_route(metrics, settings)),
        ],
        middleware=[Middleware(Observability, metrics=metrics)],
        lifespan=lifespan,
    )
    metrics.watch(application.state, graphql_app.connections)
    return application


def __getattr__(name: str) -> Starlette:
    # `uvicorn app.main:app` builds the application on first access, from the environment.
    if name == "app":
        return create_app()
    raise AttributeError(name)
