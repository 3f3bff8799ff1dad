"""`GET /documents/{id}`: the bytes of a document version, for those who may see it.

Credentials arrive as for GraphQL, in the `Authorization: Bearer` header only (a browser fetches
the file with that header and saves the result). A version the viewer may not see answers 404,
exactly like one that does not exist. The file is streamed from the store with its media type
and, as an attachment, its file name; `nosniff` and a sandboxing Content-Security-Policy keep a
browser from running an uploaded page in this API's origin. Neo4j away or out of time: 503
UNAVAILABLE (app.plain_routes).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from app import ids
from app.answers import error_response
from app.context import Context
from app.errors import ApiError
from app.graphql import GraphQLApp
from app.plain_routes import plain_route
from schema.documents.types import DOCUMENT
from schema.loading import load_any

logger = logging.getLogger("app.downloads")


def _no_document() -> Response:
    return error_response(404, "NOT_FOUND", "No document with this ID.")


def download_route(graphql: GraphQLApp) -> Callable[[Request], Awaitable[Response]]:
    """The route's endpoint, sharing the GraphQL endpoint's sign-in and file store."""

    async def download(request: Request, context: Context) -> Response:
        try:
            found, node_id = ids.parse(request.path_params["id"])
        except ApiError:
            return _no_document()
        fields = await load_any(context, DOCUMENT, node_id) if found == "Document" else None
        if fields is None:
            return _no_document()
        path = graphql.files.path_of(fields["sha256"])
        if not path.is_file():
            logger.error("the bytes of document %s (%s) are missing from the store",
                         node_id, fields["sha256"])
            return _no_document()
        return FileResponse(
            path, media_type=fields["mimeType"], filename=fields["fileName"],
            content_disposition_type="attachment",
            headers={"ETag": f'"{fields["sha256"]}"', "Cache-Control": "private, no-cache",
                     "X-Content-Type-Options": "nosniff",
                     "Content-Security-Policy": "default-src 'none'; sandbox"})

    return plain_route(graphql, download)
