"""Batched reads shared by every domain: nodes by id, and pages of related nodes by parent.

Each kind of read goes through one dataloader per request, so a level of a query costs one
Cypher round trip however many objects it returns. Labels and relationship types come from the
domain modules' constants, checked here against an identifier pattern; values are parameters.

Who may see what is decided here, once for every path: a NodeKind names the predicate
(`queries/<domain>/<x>_visible`, on `n` with the parameter `$viewerId`) that every read of that
label applies, whether by id, in a connection, in a count or as a to-one field. An object the
viewer may not see reads exactly as one that does not exist.

A filter is a named predicate fragment, written whole (`$x IS NULL OR ...`) or as
`Conditions`, of which a read keeps only the conditions whose parameters are given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import strawberry

from app import cypher
from app.context import Context
from schema.pagination import Page, PageRequest, SortKey, build, page_request, pages_by_parent

C = TypeVar("C")
_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
UNIQUE_KEYS = frozenset({"id", "handle"})
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")  # a $parameter in a statement


def identifier(value: str) -> str:
    """`value`, if it may be placed in a statement as a label or relationship type."""
    if not _IDENTIFIER.match(value):
        raise ValueError(f"{value!r} is not an allowed label or relationship type")
    return value


@dataclass(frozen=True)
class NodeKind:
    """A node label, the named fragment that projects its fields (`<domain>/<x>_fields`) and,
    unless every node of the label is public, the named predicate saying which nodes the
    viewer may see (`<domain>/<x>_visible`)."""

    label: str
    fields: str
    visible: str | None = None
    # The keys of the entries that the objects Python code makes of a node's values are made
    # of (an amount of Money of its cents and currency, a partner's share of the project's
    # total): a node read to build its object reads these, the id and the fields a query
    # shows, and its type's from_fields leaves the others None. None: such a node is read
    # whole.
    made_of: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        identifier(self.label)

    @property
    def projection(self) -> str:
        return fragment(self.fields)

    @property
    def entries(self) -> dict[str, str]:
        """The entries of the projection by the key each gives (`.id` gives `id`,
        `followerCount: COUNT {...}` gives `followerCount`), in the projection's order, so a
        statement may project only the fields a query shows: an access rule written in an
        entry (a user's email) comes with it."""
        return _entries(self.fields)

    @property
    def visibility(self) -> str:
        """The Cypher predicate on `n` that holds for the nodes the viewer may see."""
        return f"({fragment(self.visible)})" if self.visible else "true"

    def visibility_of(self, variable: str) -> str:
        """The same predicate on the node `variable` of a statement (a write statement's
        `community`, `project`...), placed as a `{{rule}}` directive would place it."""
        return applied(self.visible, variable) if self.visible else "true"


@dataclass(frozen=True)
class Conditions:
    """A named filter fragment (`<domain>/<x>_filter`) written as conditions on `n`, one per
    paragraph (blank lines between them), of which a read applies those whose parameters are
    all given (not None): a filter left empty costs nothing, and the statement the planner sees
    holds only real predicates, which it can answer from indexes.

    A paragraph `MATCH <pattern>` is a pattern `n` must be part of. A top-level list matches
    it after `n`, in a MATCH clause of its own (patterns may share relationships), so the
    planner may start from the node the pattern names (a keyword, an area) instead of testing
    every node; elsewhere it is the predicate `EXISTS { <pattern> }`.

    Such a paragraph may end with join hints (lines `USING JOIN ON <variable>`), which a
    top-level list keeps only when another pattern applies too: they join the pattern with the
    nodes another pattern has already narrowed, where alone the planner's own start from the
    pattern's node is the better plan (measured in benchmarks/results.md, change 17). Other
    hints are refused: an EXISTS form could not hold them.
    """

    name: str

    def parts(self, parameters: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
        """The patterns (with their join hints beside another pattern) and the conjunction of
        the other conditions that apply (`true` if none does)."""
        applying = _conditions(self.name, _given(parameters))
        return applying.matched, applying.others

    def predicate(self, parameters: Mapping[str, Any]) -> str:
        """Every condition that applies as one predicate, patterns as EXISTS subqueries."""
        return _conditions(self.name, _given(parameters)).everything


Filter = str | Conditions


def _given(parameters: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(name for name, value in parameters.items() if value is not None)


def _predicate(filter: Filter, parameters: Mapping[str, Any]) -> str:
    """The text of a filter: a whole fragment by name, or the conditions that apply."""
    if isinstance(filter, Conditions):
        return filter.predicate(parameters)
    return fragment(filter)


@dataclass(frozen=True)
class Relation:
    """Related nodes `n` of a parent `p` through relationship `r`, in a fixed order; `where`
    names a predicate fragment on `p`, `r` and `n` that every item passes (fixed conditions,
    or conditions on the parameters a connection's filter passes).

    `through` (code, never user text) is a path placed between `p` and `r` to reach nodes
    further away while `r` stays the single last relationship, whose properties edges carry:
    `-[:PREVIOUS_VERSION*0..]->()` with type PREVIOUS_VERSION relates a document to every
    earlier version of it.

    `visible_with_parent` says that the target's visibility rule is the parent's own (a
    discussion is visible exactly when its community is): the parent of a relation was
    itself read through its rule, so the rule is not checked again on each related node.
    `visible_as_parent` names the rule of the parent that the target's visibility amounts to
    (a discussion of a community is visible when the community's content is): it is checked
    on `p`, once per parent, instead of on each related node."""

    parent: str
    type: str
    outgoing: bool
    target: NodeKind
    sort: SortKey = SortKey("n.id")
    where: Filter | None = None
    through: str = ""
    visible_with_parent: bool = False
    visible_as_parent: str | None = None

    def __post_init__(self) -> None:
        identifier(self.parent)
        identifier(self.type)

    @property
    def pattern(self) -> str:
        arrow = ("-", "->") if self.outgoing else ("<-", "-")
        return f"(p){self.through}{arrow[0]}[r:{self.type}]{arrow[1]}(n:{self.target.label})"

    def condition(self, parameters: Mapping[str, Any] | None = None) -> str:
        """What every related item passes: the relation's own predicate (given the filter's
        `parameters`) and the visibility of the target."""
        where = f"({_predicate(self.where, parameters or {})}) AND " if self.where else ""
        if self.visible_as_parent:
            return where + applied(self.visible_as_parent, "p")
        return where + ("true" if self.visible_with_parent else self.target.visibility)


@dataclass(frozen=True)
class Link:
    """A to-one path from a parent `p` to a node `n` of any label (the subject a document is
    attached to, the proposal a project came from); `pattern` is code, never user text. What
    `n` is, and whether the viewer may see it, is left to the node registry (schema/node.py),
    which knows every label's type and visibility."""

    parent: str
    pattern: str

    def __post_init__(self) -> None:
        identifier(self.parent)


async def load_linked(context: Context, link: Link, parent_id: str) -> tuple[list[str], str] | None:
    """The labels and id of the node `link` leads to from `parent_id`, or None; batched."""

    async def batch(parent_ids: list[str]) -> list[tuple[list[str], str] | None]:
        text = cypher.rendered("queries/common/linked_one", parent=link.parent,
                               pattern=link.pattern)
        records = await context.db.read(text, {"parentIds": parent_ids})
        found = {record["parentId"]: (list(record["labels"]), record["id"]) for record in records}
        return [found.get(parent_id) for parent_id in parent_ids]

    result: tuple[list[str], str] | None = await context.loader(("linked", link), batch).load(
        parent_id)
    return result


def _hashable(parameters: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Parameters as a dataloader key part (lists become tuples)."""
    return tuple(sorted((name, tuple(value) if isinstance(value, list) else value)
                        for name, value in parameters.items()))


async def load_node(context: Context, kind: NodeKind, value: str,
                    key: str = "id") -> dict[str, Any] | None:
    """The fields of the node of `kind` whose unique `key` is `value`, or None. By id, through
    the one loader of nodes by id (load_any), so a request reads a node once however asked."""
    if key not in UNIQUE_KEYS:
        raise ValueError(f"{key!r} is not a unique key")
    if key == "id":
        return await load_any(context, kind, value)

    async def batch(values: list[str]) -> list[dict[str, Any] | None]:
        text = cypher.rendered("queries/common/nodes_by_key", label=kind.label, key=key,
                               projection=kind.projection, visible=kind.visibility)
        records = await context.db.read(text, {"keys": values, "viewerId": context.viewer_id})
        found = {record["key"]: record["node"] for record in records}
        return [found.get(value) for value in values]

    loader = context.loader(("node", kind.label, key), batch)
    result: dict[str, Any] | None = await loader.load(value)
    return result


async def load_any(context: Context, kind: NodeKind, node_id: str) -> dict[str, Any] | None:
    """The fields of the node of `kind` with this id, or None. One dataloader serves every
    label: the nodes asked for together, whatever their labels (`nodes(ids:)`, the subjects
    of a page of notifications), are read in one round trip."""

    async def batch(keys: list[tuple[NodeKind, str]]) -> list[dict[str, Any] | None]:
        # in a fixed order, so a mix of labels always reads with the same statement
        kinds = tuple(sorted({kind for kind, _ in keys}, key=lambda kind: kind.label))
        branch = {kind: number for number, kind in enumerate(kinds)}
        values = [{"branch": branch[kind], "id": node_id} for kind, node_id in keys]
        records = await context.db.read(_nodes_of_kinds(kinds),
                                        {"keys": values, "viewerId": context.viewer_id})
        found = {(record["branch"], record["id"]): record["node"] for record in records}
        return [found.get((branch[kind], node_id)) for kind, node_id in keys]

    result: dict[str, Any] | None = await context.loader(("any",), batch).load((kind, node_id))
    return result


@cache
def _nodes_of_kinds(kinds: tuple[NodeKind, ...]) -> str:
    """One statement reading nodes of each of `kinds` by id: one UNION ALL part per kind."""
    return "\nUNION ALL\n".join(
        cypher.rendered("queries/common/nodes_of_label", branch=str(number), label=kind.label,
                        visible=kind.visibility, projection=kind.projection)
        for number, kind in enumerate(kinds))


async def load_one(context: Context, relation: Relation, parent_id: str) -> dict[str, Any] | None:
    """The fields of the single node related to `parent_id` (a to-one relationship), or None."""

    async def batch(parent_ids: list[str]) -> list[dict[str, Any] | None]:
        text = cypher.rendered("queries/common/related_one", parent=relation.parent,
                               pattern=relation.pattern, projection=relation.target.projection,
                               condition=relation.condition())
        records = await context.db.read(text, {"parentIds": parent_ids,
                                               "viewerId": context.viewer_id})
        found = {record["parentId"]: record["node"] for record in records}
        return [found.get(parent_id) for parent_id in parent_ids]

    result: dict[str, Any] | None = await context.loader(("one", relation), batch).load(parent_id)
    return result


async def load_related(context: Context, relation: Relation, parent_id: str,
                       request: PageRequest, parameters: dict[str, Any] | None = None) -> Page:
    """One page of the nodes related to `parent_id`, batched with its sibling parents;
    `parameters` are those of the relation's `where` predicate."""
    where = parameters or {}
    key = ("related", relation, request, _hashable(where))

    async def batch(parent_ids: list[str]) -> list[Page]:
        text = cypher.rendered(
            "queries/common/related_page", parent=relation.parent, pattern=relation.pattern,
            projection=relation.target.projection, condition=relation.condition(where),
            **request.fragments(relation.sort),
        )
        values = {**where, "parentIds": parent_ids, "viewerId": context.viewer_id,
                  **request.parameters(relation.sort)}
        records = await context.db.read(text, values)
        return pages_by_parent(records, parent_ids, relation.sort)

    page: Page = await context.loader(key, batch).load(parent_id)
    return page


async def related_connection(
    info: strawberry.Info[Context, None], relation: Relation, parent_id: str,
    make_edge: Callable[[str, dict[str, Any]], Any], connection: Callable[..., C],
    first: int | None, after: str | None, last: int | None, before: str | None,
    parameters: dict[str, Any] | None = None,
) -> C:
    """A connection field's whole work: check the page arguments, load, build the page."""
    request = page_request(info, first, after, last, before)
    page = await load_related(info.context, relation, parent_id, request, parameters)
    result: C = build(page, request, make_edge, connection)
    return result


def root_filter(kind: NodeKind, filter_name: Filter, parameters: Mapping[str, Any],
                sort: SortKey) -> tuple[str, str]:
    """What a top-level list of `kind` reads: the MATCH clauses of its filter's patterns
    (empty when it names none) and its predicate on `n` (the filter's other conditions, the
    visibility, the sort key being present)."""
    if isinstance(filter_name, Conditions):
        patterns, predicate = filter_name.parts(parameters)
    else:
        patterns, predicate = (), fragment(filter_name)
    # one MATCH each: patterns of one MATCH may not share a relationship, so two that both
    # hold through the same one (a partner that is also the partner in a province) would
    # exclude each other
    return ("".join(f"\nMATCH {pattern}" for pattern in patterns),
            f"({predicate}) AND {kind.visibility} AND {sort.present}")


async def root_connection(
    info: strawberry.Info[Context, None], kind: NodeKind, filter_name: Filter, sort: SortKey,
    parameters: dict[str, Any], make_edge: Callable[[str, dict[str, Any]], Any],
    connection: Callable[..., C],
    first: int | None, after: str | None, last: int | None, before: str | None,
) -> C:
    """A top-level connection field's whole work, in one round trip: check the page
    arguments, read one page of `kind` passing the filter `filter_name`
    (`queries/<domain>/<x>_filter`, whose parameters are `parameters`), build the page."""
    request = page_request(info, first, after, last, before)
    patterns, where = root_filter(kind, filter_name, parameters, sort)
    text = cypher.rendered(
        # a list narrowed by patterns reads all its matches anyway: page and count in one pass
        "queries/common/root_page_of_matches" if patterns else "queries/common/root_page",
        label=kind.label, projection=kind.projection, patterns=patterns, filter=where,
        **request.fragments(sort),
    )
    values = {**parameters, "viewerId": info.context.viewer_id, **request.parameters(sort)}
    records = await info.context.db.read(text, values)
    page = Page(list(records[0]["items"]), records[0]["totalCount"], sort)
    result: C = build(page, request, make_edge, connection)
    return result


@cache
def _entries(fields: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in _top_level_split(fragment(fields)):
        entry = entry.strip()
        if entry:
            key = entry[1:] if entry.startswith(".") else entry.split(":", 1)[0].strip()
            found[key] = entry
    return found


def _top_level_split(text: str) -> list[str]:
    """`text` split at the commas outside brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


class ShownProjections:
    """Statements projecting only the fields a selection shows, for statements whose code
    builds the objects (a page of collaborators): a node's other fields, a count among them,
    are never read.

    The fields shown, with the statement's other variants (a direction, a filter), make its
    text, which clients thereby choose; Neo4j plans each new text anew and keeps a bounded
    number of plans (1,000 per database by default). So a process sends at most `limit` texts
    of chosen fields; past them a new text reads the whole projection, whose variants are as
    few as the statement's others."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.known: set[Hashable] = set()

    def statement(self, kind: NodeKind, shown: Callable[[str], bool],
                  render: Callable[[str], str], variant: Hashable) -> str:
        """`render(projection)` with the entries of `kind`'s projection whose fields `shown`
        names and the id (for cursors and objects), or with the whole projection when that
        text is new and `limit` texts are known. `variant` names the statement's other
        fragments, so that a text is known by what makes it, without rendering it first:
        `render` may then keep the texts it makes (`cypher.rendered`), as few as those known
        and the whole projection's."""
        chosen = ", ".join(entry for key, entry in kind.entries.items()
                           if key == "id" or shown(key))
        made_of = (kind.label, chosen, variant)
        if made_of not in self.known:
            if len(self.known) >= self.limit:
                return render(kind.projection)
            self.known.add(made_of)
        return render(chosen)


# A front end asks a handful of pages, each in a few variants; the rest of Neo4j's plan cache
# stays for the other statements.
SHOWN = ShownProjections(64)


@dataclass(frozen=True)
class _Applying:
    """What a Conditions fragment comes to when some of its parameters are given."""

    matched: tuple[str, ...]  # the patterns, as a top-level list matches them
    others: str  # the conjunction of the other conditions
    everything: str  # every condition, patterns as EXISTS subqueries


@cache
def _conditions(name: str, given: frozenset[str]) -> _Applying:
    """The conditions of a fragment whose parameters are all in `given`, each condition in
    parentheses."""
    patterns: list[tuple[str, str]] = []  # each with its join hints, or ""
    predicates: list[str] = []
    for paragraph in re.split(r"\n\s*\n", cypher.load(f"queries/{name}").text):
        condition = paragraph.strip()
        if not condition or not set(PARAMETER.findall(condition)) - {"viewerId"} <= given:
            continue
        if condition.startswith("MATCH "):
            pattern, *rest = re.split(r"\n\s*(?=USING JOIN ON )",
                                      condition.removeprefix("MATCH "), maxsplit=1)
            hints = rest[0] if rest else ""
            if re.search(r"\bUSING\b", pattern, re.IGNORECASE) or any(
                    not line.strip().startswith("USING JOIN ON ") for line in hints.splitlines()):
                raise cypher.CypherTemplateError(
                    f"{name}: a pattern may end only with lines `USING JOIN ON <variable>`")
            patterns.append((pattern.strip(), hints.strip()))
        else:
            predicates.append(f"({condition})")
    hinted = len(patterns) > 1
    exists = [f"EXISTS {{ {pattern} }}" for pattern, _ in patterns]
    return _Applying(
        matched=tuple(f"{pattern}\n{hints}" if hinted and hints else pattern
                      for pattern, hints in patterns),
        others=" AND ".join(predicates) or "true",
        everything=" AND ".join(predicates + exists) or "true")


def applied(name: str, variable: str) -> str:
    """The predicate fragment `name`, written on `n`, applied to the node `variable` of a
    statement (the same as the directive `{{rule name(variable)}}` in a Cypher file), so that
    one rule is written once and used on whatever a statement calls its nodes."""
    return cypher.rule(name, variable)


@cache
def fragment(name: str, **placeholders: str) -> str:
    """A named fragment (loaded without its comment lines), its placeholders filled by code,
    ready to be placed inside a statement (even within a line of it)."""
    return cypher.load(f"queries/{name}").render(**placeholders)
