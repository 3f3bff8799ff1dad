"""The fields notifications add to people.

`schema.actors.types` builds `User` from this mixin while this package's types are not
defined yet, so they are named lazily and imported when a field is resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from app.context import Context
from schema.loading import related_connection

if TYPE_CHECKING:
    from schema.notifications.types import NotificationConnection


@strawberry.type
class UserNotifications:
    node_id: strawberry.Private[str]
    unread_notification_count: int | None = strawberry.field(
        default=None, description="How many of the person's notifications are unread; null "
        "unless the person is the viewer.")

    @strawberry.field(description="The person's notifications, newest first; empty unless the "
                      "person is the viewer.")
    async def notifications(
        self, info: strawberry.Info[Context, None],
        unread_only: Annotated[bool | None, strawberry.argument(
            description="true: only the unread ones.")] = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Annotated[NotificationConnection, strawberry.lazy("schema.notifications.types")]:
        from schema.notifications.types import (
            USER_NOTIFICATIONS,
            NotificationConnection,
            notification_edge,
        )

        return await related_connection(info, USER_NOTIFICATIONS, self.node_id,
                                        notification_edge, NotificationConnection, first, after,
                                        last, before, {"unreadOnly": True if unread_only else None})
