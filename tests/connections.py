"""Walking a connection page by page, forward and backward, and the orders to expect."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Protocol

from app import ids

PAGE_INFO = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
_MAX_PAGES = 500


class Client(Protocol):
    """The HTTP client `gql` or a client of `as_viewer(user_id)`."""

    async def data(self, query: str, **variables: Any) -> dict[str, Any]: ...


def _dig(data: dict[str, Any], path: Sequence[str]) -> dict[str, Any]:
    found: Any = data
    for key in path:
        found = found[key]
    assert isinstance(found, dict), (path, data)
    return found


def _check_cursors(edges: list[dict[str, Any]], info: dict[str, Any]) -> None:
    """A page's start and end cursors are those of its first and last edges."""
    if edges:
        assert info["startCursor"] == edges[0]["cursor"], info
        assert info["endCursor"] == edges[-1]["cursor"], info


async def walk(client: Client, query: str, path: Sequence[str], size: int = 2,
               backward_size: int | None = None, **variables: Any) -> list[dict[str, Any]]:
    """Every edge of the connection at `path` of `query` (which takes $first, $after, $last and
    $before and selects PAGE_INFO and `edges { cursor node { id } }`): walked forward with
    first/after pages of `size` and backward with last/before pages of `backward_size` (`size`
    unless given), both walks checked to give the same edges with no node twice, every page's
    cursors and flags checked, every page's totalCount checked to be the number of edges."""
    back_size = size if backward_size is None else backward_size
    forward: list[dict[str, Any]] = []
    totals: set[int] = set()
    after = None
    for _ in range(_MAX_PAGES):
        connection = _dig(await client.data(query, first=size, after=after, **variables), path)
        edges, info = connection["edges"], connection["pageInfo"]
        assert len(edges) <= size
        assert info["hasPreviousPage"] is (after is not None)
        _check_cursors(edges, info)
        totals.add(connection["totalCount"])
        forward.extend(edges)
        if not info["hasNextPage"]:
            break
        assert len(edges) == size
        after = info["endCursor"]
    backward: list[dict[str, Any]] = []
    before = None
    for _ in range(_MAX_PAGES):
        connection = _dig(await client.data(query, last=back_size, before=before, **variables),
                          path)
        edges, info = connection["edges"], connection["pageInfo"]
        assert len(edges) <= back_size
        assert info["hasNextPage"] is (before is not None)
        _check_cursors(edges, info)
        totals.add(connection["totalCount"])
        backward[:0] = edges
        if not info["hasPreviousPage"]:
            break
        assert len(edges) == back_size
        before = info["startCursor"]
    assert backward == forward, "walking backward gave other edges than walking forward"
    assert len(set(node_ids(forward))) == len(forward), "a node came twice"
    assert totals == {len(forward)}, (totals, len(forward))
    return forward


def node_ids(edges: list[dict[str, Any]]) -> list[str]:
    """The node ids of edges, as global IDs."""
    return [edge["node"]["id"] for edge in edges]


def plain_ids(edges: list[dict[str, Any]]) -> list[str]:
    """The node ids of edges as stored in the graph (the `id` property behind the global IDs)."""
    return [ids.parse(global_id)[1] for global_id in node_ids(edges)]


def gid(type_name: str, node_id: str) -> str:
    """The global ID of the node `node_id` of `type_name`."""
    return ids.encode(type_name, node_id)


def gids(type_name: str, node_ids: Sequence[str]) -> list[str]:
    """The global IDs of the nodes `node_ids` of `type_name`, in the same order."""
    return [ids.encode(type_name, node_id) for node_id in node_ids]


def ordered(type_name: str, rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Hashable],
            descending: bool = False) -> list[str]:
    """The global IDs of `rows` in a keyset order: by `key`, ties broken by id, both in the
    same direction."""
    chosen = sorted(rows, key=lambda row: (key(row), row["id"]), reverse=descending)
    return [ids.encode(type_name, row["id"]) for row in chosen]
