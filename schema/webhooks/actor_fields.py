"""The webhooks field of people.

`schema.actors.types` builds `User` from this mixin while this package's types are not
defined yet, so they are named lazily and imported when the field is resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from app.context import Context
from schema.loading import related_connection

if TYPE_CHECKING:
    from schema.webhooks.types import WebhookConnection


@strawberry.type
class UserWebhooks:
    node_id: strawberry.Private[str]

    @strawberry.field(description="The webhooks the person registered, newest first; empty "
                      "unless the person is the viewer.")
    async def webhooks(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Annotated[WebhookConnection, strawberry.lazy("schema.webhooks.types")]:
        from schema.webhooks.types import USER_WEBHOOKS, WebhookConnection, webhook_edge

        return await related_connection(info, USER_WEBHOOKS, self.node_id, webhook_edge,
                                        WebhookConnection, first, after, last, before)
