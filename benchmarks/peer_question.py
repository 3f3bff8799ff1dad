"""A question `benchmarks.peer_compare` asks of the API, of the peer and of Neo4j directly.

Each question is the natural GraphQL query of each API (ours: Relay connections, global IDs,
`node(id:)`, the network fields; the peer, the Neo4j GraphQL Library: `where`, `sort`, the
generated `xxxConnection` fields, `@cypher` fields for network questions) and, as the floor,
hand-written Cypher (`benchmarks/cypher/peer_*.cypher`). The floor returns the question's data
in a plain form; `ours` and `peer` turn each API's answer into that same form, so that the
three can be compared: the same names, titles, counts and amounts, in the same order where the
question orders them (ties broken by id in both APIs, as ours does).

Every question is asked anonymously, of data anonymous visitors may see (OPEN communities,
ACTIVE memberships, published proposals, projects), because the peer applies no access rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from neo4j.time import Date, DateTime

CYPHER = Path(__file__).parent / "cypher"

Json = dict[str, Any]


@dataclass(frozen=True)
class Question:
    """One question: each API's query and variables, the floor's statement and parameters, and
    how each API's answer reads in the floor's form."""

    name: str
    ours_query: str
    peer_query: str
    floor_file: str
    # Each takes the subjects chosen from the data (benchmarks/cypher/peer_cast.cypher).
    ours_variables: Callable[[Json], Json]
    peer_variables: Callable[[Json], Json]
    floor_parameters: Callable[[Json], Json]
    ours: Callable[[Json], Json]
    peer: Callable[[Json], Json]

    @property
    def floor_statement(self) -> str:
        return (CYPHER / self.floor_file).read_text()


def plain(value: Any) -> Any:
    """A value as the comparison reads it: Neo4j's temporal values as ISO text (instants in
    UTC to the millisecond), tuples as lists, mappings and lists walked."""
    if isinstance(value, DateTime):
        return instant(value.to_native())
    if isinstance(value, Date):
        return value.iso_format()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def instant(value: str | datetime) -> str:
    """An instant, given as ISO text or a datetime, as UTC text to the millisecond."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def cents(money: Json | None) -> int | None:
    """The cents of our `Money`."""
    return None if money is None else int(money["cents"])


def integer(value: str | int | None) -> int | None:
    """The peer's BigInt (a string) as an integer."""
    return None if value is None else int(value)


def first_of(items: list[Json], key: str) -> Any:
    """`key` of the first of a to-one relationship the peer gives as a list."""
    return items[0][key] if items else None


def edges(connection: Json) -> list[Json]:
    """The edges of a connection."""
    return list(connection["edges"])


def sort(*fields: str, direction: str = "ASC", edge: bool = True) -> str:
    """The peer's `sort` argument: by `fields` in `direction`, on the nodes of a relationship's
    connection (`edge`) or on a root list's nodes."""
    inner = [f"{{{field}: {direction}}}" for field in fields]
    return "[" + ", ".join(f"{{node: {item}}}" if edge else item for item in inner) + "]"


BY_NAME = sort("name", "id")


def single(data: Json, key: str) -> Json:
    """The one object of the peer's root list `key` (a lookup by id)."""
    [found] = data[key]
    return dict(found)
