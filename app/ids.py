"""Opaque global IDs: URL-safe base64 of `Type:uuid`, the way Relay servers commonly make them.

Clients treat them as opaque strings; the API decodes them to find the node's type and its
`id` property. Anything that does not decode to a known type and a UUID is BAD_USER_INPUT.
"""

from __future__ import annotations

import base64
import binascii
import uuid

from app.errors import BadUserInput


def encode(type_name: str, node_id: str) -> str:
    """The global ID of the node `node_id` of GraphQL type `type_name`."""
    raw = f"{type_name}:{node_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse(global_id: str) -> tuple[str, str]:
    """The (type name, node id) written in a global ID; BadUserInput when it is malformed."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw_id = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        node_id = str(uuid.UUID(raw_id))  # canonical form, as stored
    except (binascii.Error, UnicodeError, ValueError):
        raise BadUserInput(f"{global_id!r} is not a valid ID") from None
    return type_name, node_id


def decode(global_id: str, known_types: frozenset[str]) -> tuple[str, str]:
    """The (type name, node id) of a global ID of one of `known_types`, else BadUserInput."""
    type_name, node_id = parse(global_id)
    if type_name not in known_types:
        raise BadUserInput(f"{global_id!r} is not a valid ID")
    return type_name, node_id


def decode_as(global_id: str, type_name: str) -> str:
    """The node id of a global ID that must be of type `type_name` (e.g. a filter argument)."""
    found, node_id = parse(global_id)
    if found != type_name:
        raise BadUserInput(f"{global_id!r} is not the ID of a {type_name}")
    return node_id
