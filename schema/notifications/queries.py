"""Top-level queries about the signed-in person, whose notifications only they may read."""

from __future__ import annotations

import strawberry

from app.context import Context
from schema.actors.types import USER, User
from schema.loading import load_node


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="The signed-in person (the one the request's bearer token "
                      "names); null for anonymous visitors.")
    async def viewer(self, info: strawberry.Info[Context, None]) -> User | None:
        if info.context.viewer_id is None:
            return None
        fields = await load_node(info.context, USER, info.context.viewer_id)
        return User.from_fields(fields) if fields is not None else None
