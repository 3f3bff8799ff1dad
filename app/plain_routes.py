"""The plain HTTP routes beside `/graphql` (downloads, exports), answered as `/graphql` answers.

A route's request is signed in as a GraphQL request is (app.graphql `route_context`: 401 when
its credentials are refused), has REQUEST_TIMEOUT for all its statements, the check of its
credentials included, and, when Neo4j cannot serve it (unreachable, frozen, out of time), is
answered 503 with the GraphQL error body UNAVAILABLE (`reason: TIMEOUT` when out of time)
instead of failing as an unexpected error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from app.answers import unavailable_response
from app.context import Context
from app.db import request_deadline
from app.graphql import GraphQLApp

Answer = Callable[[Request, Context], Awaitable[Response]]


def plain_route(graphql: GraphQLApp, answer: Answer) -> Callable[[Request], Awaitable[Response]]:
    """The endpoint that signs a request in and has `answer` answer it with its context."""

    async def endpoint(request: Request) -> Response:
        with request_deadline(graphql.settings.request_timeout):
            try:
                context = await graphql.route_context(request)
                if isinstance(context, Response):
                    return context
                return await answer(request, context)
            except Exception as error:
                unavailable = unavailable_response(error)
                if unavailable is None:
                    raise
                return unavailable

    return endpoint
