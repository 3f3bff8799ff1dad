"""Walking a connection page by page, forward and backward, and the orders to expect."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Protocol

from app import ids

PAGE_INFO = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
_MAX_PAGES = 500


class Client(Protocol):
    async def data(self, query: str, **variables: Any) -> dict[str, Any]: ...


def _dig(data: dict[str, Any], path: Sequence[str]) -> dict[str, Any]:
    found: Any = data
    for key in path:
        found = found[key]
    assert isinstance(found, dict), (path, data)
    return found


async def walk(client: Client, query: str, path: Sequence[str], size: int = 2,
               **variables: Any) -> list[dict[str, Any]]:
    """Every edge of the connection at `path` of `query` (which takes $first, $after, $last and
    $before and selects PAGE_INFO and `edges { cursor node { id } }`): walked forward with
    first/after and backward with last/before, both walks checked to give the same edges, every
    page's totalCount checked to be the number of edges."""
    forward: list[dict[str, Any]] = []
    totals: set[int] = set()
    after = None
    for _ in range(_MAX_PAGES):
        connection = _dig(await client.data(query, first=size, after=after, **variables), path)
        edges, info = connection["edges"], connection["pageInfo"]
        assert len(edges) <= size
        assert info["hasPreviousPage"] is (after is not None)
        totals.add(connection["totalCount"])
        forward.extend(edges)
        if not info["hasNextPage"]:
            break
        assert len(edges) == size and info["endCursor"] == edges[-1]["cursor"]
        after = info["endCursor"]
    backward: list[dict[str, Any]] = []
    before = None
    for _ in range(_MAX_PAGES):
        connection = _dig(await client.data(query, last=size, before=before, **variables), path)
        edges, info = connection["edges"], connection["pageInfo"]
        assert len(edges) <= size
        assert info["hasNextPage"] is (before is not None)
        totals.add(connection["totalCount"])
        backward[:0] = edges
        if not info["hasPreviousPage"]:
            break
        assert len(edges) == size and info["startCursor"] == edges[0]["cursor"]
        before = info["startCursor"]
    assert backward == forward, "walking backward gave other edges than walking forward"
    assert totals == {len(forward)}, (totals, len(forward))
    return forward


def node_ids(edges: list[dict[str, Any]]) -> list[str]:
    """The node ids of edges, as global IDs."""
    return [edge["node"]["id"] for edge in edges]


def ordered(type_name: str, rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Hashable],
            descending: bool = False) -> list[str]:
    """The global IDs of `rows` in a keyset order: by `key`, ties broken by id, both in the
    same direction."""
    chosen = sorted(rows, key=lambda row: (key(row), row["id"]), reverse=descending)
    return [ids.encode(type_name, row["id"]) for row in chosen]
