"""The GraphQL endpoint: strawberry's ASGI app with the request context."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from app.authentication import Accounts
from app.context import Context
from app.db import Database, begin_stats
from app.extensions import shaped
from app.settings import Settings


class GraphQLApp(GraphQL[Context, None]):
    """`/graphql`: POST for every operation, GET for queries only, GraphiQL in a browser."""

    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.settings = settings
        self.accounts = Accounts(settings)

    async def get_context(self, request: Request | WebSocket,
                          response: Response | WebSocket) -> Context:
        """The request's context, with the viewer its `Authorization` header names (see
        app.authentication); a refused header is kept as the context's `refusal`."""
        database: Database = request.app.state.db
        context = Context(db=database, settings=self.settings, stats=begin_stats(),
                          accounts=self.accounts,
                          client_address=request.client.host if request.client else None)
        try:
            identity = await self.accounts.authenticate(
                database, request.headers.get("authorization"))
        except Exception as error:  # shaped by app.extensions like any other error
            context.refusal = error
            return context
        if identity is not None:
            context.viewer_id, context.session_id = identity.user_id, identity.session_id
        return context

    async def process_result(self, request: Request,
                             result: ExecutionResult) -> GraphQLHTTPResponse:
        """A query that does not even parse fails before the schema's extensions run: its
        errors get their code here, as every other error does in app.extensions."""
        if result.errors:
            result.errors = shaped(result.errors)
        return await super().process_result(request, result)

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Masked errors were logged by app.extensions.ErrorShaping; client errors need none."""
