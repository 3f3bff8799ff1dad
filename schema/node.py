"""The `Node` interface, the registry of node types, and the `node`/`nodes` queries.

Each domain registers its node types with `register`, naming the NodeKind that loads them; the
global ID of an object says its type, and the type's dataloader fetches it, so `nodes(ids:)`
costs one round trip per type asked for.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import strawberry

from app import ids as global_ids
from app.context import Context
from app.errors import BadUserInput, NotFound
from schema.loading import Link, NodeKind, load_linked, load_node


@strawberry.interface(description="An object with a global ID.")
class Node:
    node_id: strawberry.Private[str]

    @strawberry.field(description="The global ID of the object.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_ids.encode(self.__strawberry_definition__.name, self.node_id))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class NodeType:
    """How to load a registered node type and build its object from the loaded fields."""

    kind: NodeKind
    build: Callable[[dict[str, Any]], Node]


_registry: dict[str, NodeType] = {}


def register(type_name: str, kind: NodeKind, build: Callable[[dict[str, Any]], Node]) -> None:
    """Make objects of `type_name` reachable through `node(id:)` and `nodes(ids:)`."""
    _registry[type_name] = NodeType(kind, build)


async def resolve_node(context: Context, type_name: str, node_id: str) -> Node | None:
    """The object of a registered type by its node id, or None."""
    node_type = _registry[type_name]
    fields = await load_node(context, node_type.kind, node_id)
    return node_type.build(fields) if fields is not None else None


async def resolve_linked(context: Context, link: Link, parent_id: str) -> Node | None:
    """The object that `link` leads to from `parent_id`, as the registered type of its label,
    if the viewer may see it; None when there is none, it is hidden, or no type is registered
    for its label yet. One round trip per level to find the nodes, then one per type."""
    found = await load_linked(context, link, parent_id)
    if found is None:
        return None
    labels, node_id = found
    type_name = next((name for name, node_type in _registry.items()
                      if node_type.kind.label in labels), None)
    return await resolve_node(context, type_name, node_id) if type_name else None


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Fetches an object given its global ID.")
    async def node(self, info: strawberry.Info[Context, None], id: strawberry.ID) -> Node | None:
        type_name, node_id = global_ids.decode(id, frozenset(_registry))
        found = await resolve_node(info.context, type_name, node_id)
        if found is None:
            raise NotFound(f"Could not resolve to a node with the global id of '{id}'")
        return found

    @strawberry.field(
        description="Fetches objects given their global IDs (at most 100); an ID that resolves "
        "to nothing gives null in its place."
    )
    async def nodes(self, info: strawberry.Info[Context, None],
                    ids: list[strawberry.ID]) -> list[Node | None]:
        limit = info.context.settings.max_node_ids
        if len(ids) > limit:
            raise BadUserInput(f"ids may hold at most {limit} IDs", argument="ids")
        known = frozenset(_registry)
        decoded = [global_ids.decode(global_id, known) for global_id in ids]
        return list(await asyncio.gather(
            *(resolve_node(info.context, type_name, node_id) for type_name, node_id in decoded)
        ))

