"""Notifications, readable by the person they are for, and the signed-in viewer.

The package imports nothing itself: people import its mixin (`actor_fields`) while they are
defined, before this package's types can be; `schema` imports the queries from
`schema.notifications.queries`.
"""
