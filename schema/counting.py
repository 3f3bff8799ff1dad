"""Figures that cost a scan, read only when a query asks for them.

Most counts a page shows read a node's degree (`COUNT { (n)<-[:FOLLOWS]-() }`), which Neo4j
keeps per relationship type and costs nothing, so they travel with the node's fields. A count
that must look at each relationship (active members, of a community of thousands) is a `Tally`
instead: read by its own dataloader only when selected, after the node and beside the node's
other fields, for all the nodes of a level in one round trip.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from app import cypher
from app.context import Context
from schema.loading import fragment, identifier


@dataclass(frozen=True)
class Tally:
    """A count on nodes `n` of `label`, the expression in the named fragment `fragment`
    (`queries/<domain>/<x>_count`, code only)."""

    label: str
    fragment: str

    def __post_init__(self) -> None:
        identifier(self.label)

    @cached_property
    def expression(self) -> str:
        """The count's Cypher expression on `n`, also usable as a sort key."""
        return fragment(self.fragment)


async def load_tally(context: Context, tally: Tally, node_id: str) -> int:
    """The figure `tally` for the node with this id, batched with its siblings."""

    async def batch(node_ids: list[str]) -> list[int]:
        text = cypher.rendered("queries/common/tally", label=tally.label,
                               count=tally.expression)
        records = await context.db.read(text, {"ids": node_ids})
        found = {record["id"]: record["count"] for record in records}
        return [found.get(node_id, 0) for node_id in node_ids]

    count: int = await context.loader(("tally", tally), batch).load(node_id)
    return count
