"""`GET /export/een`: the territorial proposals marked for international dissemination, as a
POD profile file (schema/een/export.py), for facilitators to hand to EEN.

Credentials arrive as for GraphQL (`Authorization: Bearer`), and the route is answered as the
other plain routes are (app.plain_routes: time limit, 503 when Neo4j cannot serve). Anonymous
requests get 401,
signed-in people who do not facilitate 403; the file is an attachment, `een-profiles.xml`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from app import cypher
from app.answers import error_response
from app.context import Context
from app.graphql import GraphQLApp
from app.plain_routes import plain_route
from schema.een.export import disseminated, profiles_xml

EEN_EXPORT_ROUTE = "/export/een"
FILE_NAME = "een-profiles.xml"


def een_export_route(graphql: GraphQLApp) -> Callable[[Request], Awaitable[Response]]:
    """The route's endpoint, signing people in as the GraphQL endpoint does."""

    async def export(request: Request, context: Context) -> Response:
        if context.viewer_id is None:
            return error_response(401, "UNAUTHENTICATED", "Sign in to export EEN profiles.")
        [record] = await context.db.read(cypher.load("queries/een/viewer_may_export").text,
                                         {"viewerId": context.viewer_id})
        if not record["allowed"]:
            return error_response(403, "FORBIDDEN", "Only facilitators export EEN profiles.")
        rows = await disseminated(context.db)
        body = await asyncio.to_thread(profiles_xml, rows)
        return Response(body, media_type="application/xml", headers={
            "Content-Disposition": f'attachment; filename="{FILE_NAME}"',
            "Cache-Control": "private, no-store"})

    return plain_route(graphql, export)
