"""The Cypher of compiled execution: one statement per root field, nesting a subquery for each
connection, rendered from the named statements `queries/compiled/*` with the same
declarations as the resolvers' reads (schema/loading.py): a NodeKind's projection entries and
visibility, a Relation's pattern, condition and sort key, a root filter.

Texts are rendered each time, not cached as cypher.rendered's are: a statement follows its
query's selection, which clients choose without bound.

Every value is a parameter. Each connection's parameters are renamed with its slot
(`c3_limit`, `c3_roles`), so two connections of one statement never share one; the viewer's
id (`viewerId`) is the one parameter they all share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app import cypher
from schema.loading import PARAMETER, Filter, NodeKind, Relation, root_filter
from schema.pagination import PageRequest, SortKey

_SLOTTED = re.compile(r"^c[0-9]+_")
_SHARED = frozenset({"viewerId"})
# A projection entry's expression that is a count and nothing else: `COUNT { ... }`.
_COUNT = re.compile(r"^COUNT\s*\{[^{}]*\}$")


def _template(name: str) -> cypher.Statement:
    """The statement `queries/compiled/<name>` (loaded without its comment lines: templates
    nest into one another, and a statement's text travels with every request)."""
    return cypher.load(f"queries/compiled/{name}")


def own(text: str, slot: str) -> str:
    """`text` with its parameters renamed to the slot's own, but for the viewer's id and the
    parameters of the levels below, already renamed to theirs."""
    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        return match.group(0) if name in _SHARED or _SLOTTED.match(name) else f"${slot}_{name}"
    return PARAMETER.sub(rename, text)


def owned(parameters: dict[str, Any], slot: str) -> dict[str, Any]:
    """Parameters under the names `own` gives them."""
    return {f"{slot}_{name}": value for name, value in parameters.items()}


@dataclass
class Level:
    """What a statement reads of the nodes `n` of one level: projection entries, relationship
    property keys (of `r`, for the edges), and the subqueries of the connections below,
    each bound to its slot."""

    # The name under which the connections' subqueries import the level's node: a variable
    # imported by `CALL (x)` is seen by the subquery expressions inside, so each level's is
    # its own, never a name the patterns use (`p`, `r`, `n`). Numbered by the compiler in the
    # order of the selection, so that one query always gives the same text, whose plan Neo4j
    # keeps.
    variable: str
    entries: list[str] = field(default_factory=list)
    edge_keys: list[str] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    slots: list[str] = field(default_factory=list)
    # Whether the items of a connection's page carry their sort key and id: only cursors
    # need them (a node's id is otherwise read when selected), and every value read travels.
    cursors: bool = False
    # The entries read when Python code builds the node's object (`whole`: from_fields, for
    # an amount of Money): every entry of its projection, or the id and those its objects are
    # made of (NodeKind.made_of); and whether the edge's relationship is read whole too
    # (`edge_whole`: for the resolver's make_edge).
    all_entries: list[str] = field(default_factory=list)
    whole: bool = False
    edge_whole: bool = False

    def node_entries(self) -> str:
        """The entries of the node's map projection: the selected fields (and those its
        object is built of, for a node built whole) and the connections' slots."""
        chosen = ([*map(self._whole_entry, self.all_entries),
                   *(e for e in self.entries if e not in self.all_entries)]
                  if self.whole else self.entries)
        if self.cursors and ".id" not in chosen:
            chosen = [".id", *chosen]
        return ", ".join([*chosen, *(f"{slot}: {slot}" for slot in self.slots)])

    def _whole_entry(self, entry: str) -> str:
        """An entry of a node read whole: as it is, but for a count nobody selected (null): a
        node is read whole to build the objects made of its values (an amount of Money in
        its stored or looked-up currency, a share), never of a count, and each count is a
        subquery (a project's followers, activities and results)."""
        key, _, expression = entry.partition(":")
        if entry in self.entries or not _COUNT.match(expression.strip()):
            return entry
        return f"{key.strip()}: null"

    def edge_map(self) -> str:
        """The item's edge entry: the selected relationship properties, or all of them; none
        when nothing of the edge is selected."""
        if self.edge_whole:
            return ", edge: properties(r)"
        if not self.edge_keys:
            return ""
        return ", edge: r { " + ", ".join(f".{key}" for key in self.edge_keys) + " }"

    def sort_entry(self) -> str:
        """The item's sort key entry, when a cursor is selected."""
        return ", sortKey: sortKey" if self.cursors else ""

    def subqueries(self, carried: str) -> str:
        """The connections' subqueries on the current node `n`, passed in as the level's
        variable."""
        if not self.calls:
            return ""
        return f"WITH {carried}, n AS {self.variable}\n" + "\n".join(self.calls)


def related_page(slot: str, parent: str, relation: Relation, parameters: dict[str, Any],
                 request: PageRequest, level: Level, with_total: bool) -> str:
    """A subquery on the node `parent` of the level above, binding `slot` to one page of its
    related nodes (`items`: node, edge, sortKey, as common/related_page gives them) and, if
    asked, their count."""
    condition = relation.condition(parameters)
    total = (f", totalCount: COUNT {{ MATCH {relation.pattern} WHERE {condition} }}"
             if with_total else "")
    text = _template("related_page").render(
        parent=parent, slot=slot, pattern=relation.pattern,
        condition=condition, entries=level.node_entries(), edge=level.edge_map(),
        sort_entry=level.sort_entry(),
        total=total, subqueries=level.subqueries("n, r, sortKey"),
        **request.fragments(relation.sort))
    return own(text, slot)


def root_page(slot: str, kind: NodeKind, filter: Filter, sort: SortKey,
              parameters: dict[str, Any], request: PageRequest, level: Level,
              with_total: bool) -> str:
    """The statement of a top-level connection: common/root_page's reading, or
    common/root_page_of_matches's when its filter names patterns (schema/loading.py)."""
    patterns, where = root_filter(kind, filter, parameters, sort)
    shared = {"label": kind.label, "filter": where, "entries": level.node_entries(),
              "sort_entry": level.sort_entry(), "subqueries": level.subqueries("n, sortKey"),
              **request.fragments(sort)}
    if patterns:
        text = _template("root_page_of_matches").render(
            patterns=patterns, **shared)
    else:
        total = (f", totalCount: COUNT {{ MATCH (n:{kind.label}) WHERE {where} }}"
                 if with_total else "")
        text = _template("root_page").render(total=total, **shared)
    return own(text, slot)


def related_one(slot: str, parent: str, relation: Relation, level: Level) -> str:
    """A subquery on the node `parent` of the level above, binding `slot` to the map of its
    single related node, or null (common/related_one's reading)."""
    text = _template("related_one").render(
        parent=parent, slot=slot, pattern=relation.pattern, condition=relation.condition(),
        entries=level.node_entries(), subqueries=level.subqueries("n"))
    return own(text, slot)


def node_by_key(slot: str, kind: NodeKind, key: str, level: Level) -> str:
    """The statement of a top-level lookup by a unique key (common/nodes_by_key's reading)."""
    text = _template("node_by_key").render(
        label=kind.label, key=key,
                           visible=kind.visibility, entries=level.node_entries(),
                           subqueries=level.subqueries("n"))
    return own(text, slot)
