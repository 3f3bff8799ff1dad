"""`GET /export/network`: the collaboration network of a slice of the region, for analysts.

Signed-in people only (`Authorization: Bearer`, as for GraphQL). The query string takes the
filters of `collaborationNetwork` (`s3Area` a global ID, `province` and `kind` by their enum
names, `since` and `until` as ISO dates, `minWeight`) and `format`: `graphml` (the default),
`gexf`, `nodes.csv` or `edges.csv` (schema/network/export.py). The file is streamed as an
attachment; a bad filter, or a network beyond the bounds of `collaborationNetwork`, is a 400
with the GraphQL error body and code the query would give; Neo4j away or out of time, a 503
UNAVAILABLE (app.plain_routes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from app import ids
from app.answers import api_error_response, error_response
from app.context import Context
from app.errors import ApiError, BadUserInput
from app.graphql import GraphQLApp
from app.plain_routes import plain_route
from schema.actors.types import OrganizationKind
from schema.network.collaboration import NetworkSlice, read_network
from schema.network.export import ExportFormat, network_graph, serialized
from schema.taxonomy.types import Province

EXPORT_ROUTE = "/export/network"


def network_slice(query: dict[str, str]) -> tuple[NetworkSlice, ExportFormat]:
    """The slice and format a query string asks for; BadUserInput naming a bad parameter."""
    def parsed(name: str, parse: Callable[[str], Any]) -> Any:
        value = query.get(name)
        if value is None or value == "":
            return None
        try:
            return parse(value)
        except (ValueError, KeyError, ApiError):
            raise BadUserInput(f"{name}: {value!r} is not valid", argument=name) from None

    minimum = parsed("minWeight", int)
    return NetworkSlice(
        s3_area=parsed("s3Area", lambda value: ids.decode_as(value, "S3Area")),
        province=parsed("province", lambda value: Province[value]),
        kind=parsed("kind", lambda value: OrganizationKind[value]),
        since=parsed("since", date.fromisoformat), until=parsed("until", date.fromisoformat),
        min_weight=1 if minimum is None else minimum,
    ), parsed("format", ExportFormat) or ExportFormat.GRAPHML


def export_route(graphql: GraphQLApp) -> Callable[[Request], Awaitable[Response]]:
    """The route's endpoint, signing people in as the GraphQL endpoint does."""

    async def export(request: Request, context: Context) -> Response:
        if context.viewer_id is None:
            return error_response(401, "UNAUTHENTICATED", "Sign in to export the network.")
        try:
            chosen, format_ = network_slice(dict(request.query_params))
            data = await read_network(context, chosen)
        except BadUserInput as error:
            return api_error_response(400, error)
        graph = await asyncio.to_thread(network_graph, data)
        return StreamingResponse(
            serialized(graph, format_), media_type=format_.media_type,
            headers={"Content-Disposition": f'attachment; filename="{format_.file_name}"',
                     "Cache-Control": "private, no-store"})

    return plain_route(graphql, export)
