"""Webhooks: endpoints a person registers to receive the events they may see, and the record
of their deliveries (app/webhooks.py delivers them).

The package imports nothing itself: people import its mixin (`actor_fields`) while they are
defined, before this package's types can be; `schema` imports the mutations from
`schema.webhooks.mutations`.
"""
