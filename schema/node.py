"""The `Node` interface, the registry of node types, and the `node`/`nodes` queries.

Each domain registers its node types with `register`, naming the NodeKind that loads them; the
global ID of an object says its type, and one dataloader fetches objects of every type, so
`nodes(ids:)` costs one round trip whatever types it asks for. A node met in the graph without
knowing its type (the subject of a notification) resolves by its label the same way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import strawberry

from app import ids as global_ids
from app.context import Context
from app.errors import BadUserInput, NotFound
from schema.loading import Link, NodeKind, load_any, load_linked
from schema.plans import KeyPlan, compiles


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
_by_label: dict[str, NodeType] = {}


def register(type_name: str, kind: NodeKind, build: Callable[[dict[str, Any]], Node]) -> None:
    """Make objects of `type_name` reachable through `node(id:)`, `nodes(ids:)` and, by the
    label of its kind, wherever a field returns any `Node`."""
    if kind.label in _by_label and type_name not in _registry:
        raise ValueError(f"label {kind.label!r} is already registered for another type")
    _registry[type_name] = _by_label[kind.label] = NodeType(kind, build)


async def _resolve(context: Context, node_type: NodeType, node_id: str) -> Node | None:
    fields = await load_any(context, node_type.kind, node_id)
    return node_type.build(fields) if fields is not None else None


def node_kind(type_name: str) -> NodeKind | None:
    """How objects of a registered type are loaded, or None for an unregistered type."""
    node_type = _registry.get(type_name)
    return node_type.kind if node_type else None


def node_build(type_name: str) -> Callable[[dict[str, Any]], Node]:
    """How an object of a registered type is built from its loaded fields (from_fields)."""
    return _registry[type_name].build


async def resolve_node(context: Context, type_name: str, node_id: str) -> Node | None:
    """The object of a registered type by its node id, or None."""
    return await _resolve(context, _registry[type_name], node_id)


async def resolve_labelled(context: Context, labels: Iterable[str],
                           node_id: str) -> Node | None:
    """The object of the node with these labels and id, as the type registered for the first
    of its labels that has one; None when none has, or when the viewer may not see it.
    Every object resolved this way in one tick is read in the same round trip."""
    node_type = next((_by_label[label] for label in labels if label in _by_label), None)
    return await _resolve(context, node_type, node_id) if node_type is not None else None


async def resolve_linked(context: Context, link: Link, parent_id: str) -> Node | None:
    """The object that `link` leads to from `parent_id`, as the registered type of its label,
    if the viewer may see it; None when there is none, it is hidden, or no type is registered
    for its label yet. One round trip per level to find the nodes, then one per type."""
    found = await load_linked(context, link, parent_id)
    if found is None:
        return None
    labels, node_id = found
    return await resolve_labelled(context, labels, node_id)


def node_plan(id: strawberry.ID) -> KeyPlan:
    """What `node(id:)` reads: the node of the type the global ID names, by its id."""
    type_name, node_id = global_ids.decode(id, frozenset(_registry))
    return KeyPlan(_registry[type_name].kind, "id", node_id, type_name)


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Fetches an object given its global ID.")
    @compiles(node_plan)
    async def node(self, info: strawberry.Info[Context, None], id: strawberry.ID) -> Node | None:
        plan = node_plan(id)
        found = await resolve_node(info.context, plan.type_name or "", plan.value)
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

