"""`GET /export/network`: the collaboration network of a slice of the region, for analysts.

Signed-in people only (`Authorization: Bearer`, as for GraphQL). The query string takes the
filters of `collaborationNetwork` (`s3Area` a global ID, `province` and `kind` by their enum
names, `since` and `until` as ISO dates, `minWeight`) and `format`: `graphml` (the default),
`gexf`, `nodes.csv` or `edges.csv` (schema/network/export.py). The file is streamed as an
attachment; a bad filter, or a network beyond the bounds of `collaborationNetwork`, is a 400
with the GraphQL error body and code the query would give.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from app import ids
from app.context import Context
from app.errors import ApiError, BadUserInput
from app.graphql import GraphQLApp, error_response
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


async def signed_in(graphql: GraphQLApp, request: Request,
                    refusal: str) -> Context | Response:
    """The request's context, signed in as the GraphQL endpoint does, or the response that
    refuses it: its credentials', or 401 with `refusal` for an anonymous request."""
    context = await graphql.route_context(request)
    if isinstance(context, Response):
        return context
    if context.viewer_id is None:
        return error_response(401, "UNAUTHENTICATED", refusal)
    return context


def export_route(graphql: GraphQLApp) -> Callable[[Request], Awaitable[Response]]:
    """The route's endpoint, signing people in as the GraphQL endpoint does."""

    async def export(request: Request) -> Response:
        context = await signed_in(graphql, request, "Sign in to export the network.")
        if isinstance(context, Response):
            return context
        try:
            chosen, format_ = network_slice(dict(request.query_params))
            data = await read_network(context, chosen)
        except BadUserInput as error:
            extensions = {key: value for key, value in error.extensions.items()
                          if key != "code"}
            return error_response(400, error.code, str(error), **extensions)
        graph = await asyncio.to_thread(network_graph, data)
        return StreamingResponse(
            serialized(graph, format_), media_type=format_.media_type,
            headers={"Content-Disposition": f'attachment; filename="{format_.file_name}"',
                     "Cache-Control": "private, no-store"})

    return export
