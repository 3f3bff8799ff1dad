"""Walking a connection page by page, both ways, and checking it against the expected list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app import ids

# fetch(first=, after=, last=, before=) returns the connection: it must select totalCount,
# pageInfo { hasNextPage hasPreviousPage startCursor endCursor } and edges { cursor node { id } }.
Fetch = Callable[..., Awaitable[dict[str, Any]]]


async def walk_forward(fetch: Fetch, size: int) -> tuple[list[dict[str, Any]], set[int]]:
    """Every node, page by page with first/after; and the totalCounts the pages reported."""
    nodes: list[dict[str, Any]] = []
    totals: set[int] = set()
    after = None
    while True:
        connection = await fetch(first=size, after=after, last=None, before=None)
        totals.add(connection["totalCount"])
        edges = connection["edges"]
        assert len(edges) <= size
        nodes.extend(edge["node"] for edge in edges)
        info = connection["pageInfo"]
        assert info["hasPreviousPage"] == (after is not None)
        if edges:
            assert info["startCursor"] == edges[0]["cursor"]
            assert info["endCursor"] == edges[-1]["cursor"]
        if not info["hasNextPage"]:
            return nodes, totals
        assert len(edges) == size
        after = info["endCursor"]


async def walk_backward(fetch: Fetch, size: int) -> tuple[list[dict[str, Any]], set[int]]:
    """Every node, page by page with last/before, in list order; and the totalCounts."""
    nodes: list[dict[str, Any]] = []
    totals: set[int] = set()
    before = None
    while True:
        connection = await fetch(first=None, after=None, last=size, before=before)
        totals.add(connection["totalCount"])
        edges = connection["edges"]
        assert len(edges) <= size
        nodes[:0] = [edge["node"] for edge in edges]
        info = connection["pageInfo"]
        assert info["hasNextPage"] == (before is not None)
        if not info["hasPreviousPage"]:
            return nodes, totals
        assert len(edges) == size
        before = info["startCursor"]


def node_ids(nodes: list[dict[str, Any]]) -> list[str]:
    """The node ids (the `id` property) behind the global IDs of nodes."""
    return [ids.parse(node["id"])[1] for node in nodes]


async def assert_walks(fetch: Fetch, expected: list[str], sizes: tuple[int, int] = (4, 3)) -> None:
    """Walking forward and backward gives exactly `expected` (node ids, in order), and every
    page reports its length as totalCount."""
    forward, forward_totals = await walk_forward(fetch, sizes[0])
    assert node_ids(forward) == expected
    assert forward_totals == {len(expected)}
    backward, backward_totals = await walk_backward(fetch, sizes[1])
    assert node_ids(backward) == expected
    assert backward_totals == {len(expected)}
