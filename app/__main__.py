"""`python -m app run`: what `make run` does after installing.

Starts the local Neo4j (instance `dev`) unless NEO4J_URI points elsewhere, applies migrations,
loads the demo data, and serves the API with uvicorn until Ctrl-C; then stops the Neo4j it
started. `python -m app migrate` only applies migrations. `python -m app serve` serves the API
in production (app/serving.py): no local Neo4j, no migrations, no demo data.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

import uvicorn

from app import migrations
from app.db import connect
from app.logs import configure_logging
from app.serving import serve, uvicorn_options
from app.settings import Settings, get_settings
from localdb import LocalNeo4jError, instance


async def prepare(settings: Settings, demo: bool) -> None:
    """Apply pending migrations and, with `demo`, (re)load the demo data (idempotent)."""
    from seeds.__main__ import DEMO_SCALE, GENERATED
    from seeds.load import DataSetConflict, seed

    async with connect(settings) as db:
        applied = await migrations.apply(db)
        print(f"Migrations: {len(applied)} applied now"
              + (f" ({', '.join(applied)})" if applied else ", all were current"))
        if demo:
            try:
                counts = await seed(db, settings.demo_seed, DEMO_SCALE, name=GENERATED)
            except DataSetConflict as conflict:
                print(f"Demo data: not loaded, {conflict}")
                return
            if counts is None:
                print("Demo data: already loaded")
            else:
                print(f"Demo data: {counts['users']} users, {counts['organizations']} "
                      f"organizations ({counts['seconds']} s)")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m app")
    parser.add_argument("command", choices=["run", "migrate", "serve"])
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo data")
    parser.add_argument("--host", help="serve: the address to listen on (API_HOST)")
    parser.add_argument("--port", type=int, help="serve: the port to listen on (API_PORT)")
    parser.add_argument("--workers", type=int,
                        default=int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 1),
                        help="serve: worker processes (WEB_CONCURRENCY, else one per CPU)")
    args = parser.parse_args()
    configure_logging(get_settings())
    if args.command == "serve":
        settings = get_settings()
        if args.workers < 1:
            parser.error("--workers must be at least 1")
        serve(settings, args.host or settings.api_host, args.port or settings.api_port,
              args.workers)
        return 0
    local = None
    started = False
    if not get_settings().neo4j_uri:  # neither the environment nor .env names a server
        local = instance("dev")
        try:
            started = local.start()
        except LocalNeo4jError as error:
            print(f"Local Neo4j: {error}", file=sys.stderr)
            return 1
        os.environ["NEO4J_URI"] = local.uri
        os.environ["NEO4J_PASSWORD"] = local.password()
        if get_settings().temporary_signing_key:  # neither the environment nor .env sets one
            os.environ["JWT_SECRET"] = local.jwt_secret()
        get_settings.cache_clear()
        print(f"Local Neo4j {'started' if started else 'already running'} at {local.uri} "
              f"(data in {local.home})")
    settings = get_settings()
    # uvicorn re-raises Ctrl-C (SIGINT) and SIGTERM after its graceful shutdown: turn them
    # into a normal exit so the `finally` below still stops the Neo4j this command started.
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda signum, frame: sys.exit(0))
    try:
        asyncio.run(prepare(settings, demo=args.command == "run" and not args.no_demo))
        if args.command == "run":
            print(f"GraphQL API and GraphiQL: http://{settings.api_host}:{settings.api_port}/graphql")
            uvicorn.run("app.main:app", host=settings.api_host, port=settings.api_port,
                        **uvicorn_options(settings))
    finally:
        if local is not None and started:
            local.stop()
            print("Local Neo4j stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
