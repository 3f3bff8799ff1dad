"""What a query may ask for, measured on its document before anything runs.

The cost model is GitHub's. Every connection field asks for `first` (or `last`, or the default
page size) nodes from each of its parent's possible nodes, so its node count is that size times
the number of parents, and fetching it takes as many requests as there are parents. The node
count of a query is the sum over its connections; over `max_query_nodes` the query is refused
(QUERY_TOO_COMPLEX). Its cost, what the rate limit charges (app/rate_limit.py), is the number of
requests divided by 100, rounded, at least 1. A list that is not a connection counts the same
way with its bound: a `first` argument (recommendations), the length of a list argument
(`nodes(ids:)`), or the setting that caps it (network queries, `LIST_BOUNDS`). A list of plain
values (an object with only scalar fields, such as `userErrors`) is read with its parent and
counts nothing. Introspection is answered from memory and counts nothing either; what makes it
expensive, a type's `fields` selected again below a field's `type`, is refused as a cycle.

The same walk over the document measures what the cost model cannot see: depth, field count
(the "1,000 repeated fields" attack costs nothing in nodes but its validation is quadratic),
aliases and directives, all counted through fragments as often as they are spread (each
fragment is measured once and multiplied, so a fragment bomb is measured in linear time), and
the length of every list passed as an argument. It runs before graphql-core's validation, whose
cost grows with the document's size, so a refused document is never validated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
)
from graphql.type.introspection import (
    SchemaMetaFieldDef,
    TypeMetaFieldDef,
    TypeNameMetaFieldDef,
)

from app.errors import ApiError, BadUserInput
from app.settings import Settings

# GitHub counts one request per 100 nodes asked for.
REQUESTS_PER_POINT = 100
# The longest connection path (schema/network/paths.py MAX_HOPS ties) has this many nodes.
PATH_NODES = 7

# Lists of objects whose size a setting caps (or a constant), by `Type.field`. Lists with a
# `first` argument or a list argument are bounded by it; any other list of objects counts
# `max_page_size` items (a test checks that every list of the schema is bounded one way).
REASON_KINDS = 9
REASON_RELATED = 10
LIST_BOUNDS: dict[str, Callable[[Settings], int]] = {
    "Query.connectionPath": lambda settings: settings.network_max_paths,
    "ConnectionPath.nodes": lambda settings: PATH_NODES,
    "ConnectionPath.hops": lambda settings: PATH_NODES - 1,
    "CollaborationNetwork.nodes": lambda settings: settings.network_max_nodes,
    "CollaborationNetwork.edges": lambda settings: settings.network_max_edges,
    "EgoNetwork.nodes": lambda settings: settings.ego_network_max_nodes,
    "EgoNetwork.ties": lambda settings: settings.network_max_edges,
    "CollaborationMetrics.organizations": lambda settings: settings.metrics_max_organizations,
    "CollaborationMetrics.mostCentral": lambda settings: settings.metrics_max_organizations,
    # Communities partition the organizations: counted as one community holding them all,
    # which bounds the members of all of them together.
    "CollaborationMetrics.communities": lambda settings: 1,
    "CollaborationCommunity.members": lambda settings: settings.metrics_max_organizations,
    # A recommendation gives at most one reason of each kind, each naming a few objects (the
    # statements cap them at 3).
    **{f"{kind}Recommendation.reasons": lambda settings: REASON_KINDS
       for kind in ("Community", "Organization", "Proposal", "User")},
    "RecommendationReason.related": lambda settings: REASON_RELATED,
    "ImportEenProfilesPayload.reports": lambda settings: settings.een_import_max_profiles,
}
# Introspection lists that a well-formed introspection query (GraphiQL's) never nests in
# themselves: selecting one below itself is the "introspection cycle" attack.
INTROSPECTION_LISTS = frozenset({"types", "fields", "inputFields", "interfaces",
                                 "possibleTypes", "enumValues", "args", "directives"})

META_FIELDS = {"__schema": SchemaMetaFieldDef, "__type": TypeMetaFieldDef,
               "__typename": TypeNameMetaFieldDef}
# Lists nested deeper than this in an argument are refused rather than measured.
MAX_VALUE_NESTING = 32


class QueryTooComplex(ApiError):
    """A query over one of the limits; its extensions carry the measured figures."""

    code = "QUERY_TOO_COMPLEX"


@dataclass
class Totals:
    """A selection's measure at one parent: nodes and requests scale with the parents."""

    nodes: int = 0
    requests: int = 0
    depth: int = 0
    fields: int = 0
    aliases: int = 0
    directives: int = 0

    def add(self, other: Totals, factor: int = 1, depth_offset: int = 0) -> None:
        """Add `other`, asked `factor` times, `depth_offset` levels below this one."""
        self.nodes += other.nodes * factor
        self.requests += other.requests * factor
        self.depth = max(self.depth, other.depth + depth_offset)
        self.fields += other.fields
        self.aliases += other.aliases
        self.directives += other.directives


@dataclass(frozen=True)
class Analysis:
    """The measure of one operation: GitHub's node count and cost, and the rest."""

    nodes: int
    cost: int
    depth: int
    fields: int
    aliases: int
    directives: int
    repeats: int = 0


def query_cost(requests: int) -> int:
    """GitHub's point value: requests / 100, rounded, at least 1."""
    return max(1, round(requests / REQUESTS_PER_POINT))


def analyse(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
            variables: Mapping[str, Any] | None, settings: Settings) -> Analysis | None:
    """The measure of the operation to run; None when there is no such operation (execution
    will say so). Raises QueryTooComplex over a limit, BadUserInput for a page size or a
    list argument out of bounds."""
    operation = _operation(document, operation_name)
    root = schema.get_root_type(operation.operation) if operation is not None else None
    if operation is None or root is None:
        # nothing will run, but validation will walk the whole document first
        unrun = _Walk(schema, document, {}, settings, lenient=True).unselected(None)
        check(Analysis(nodes=0, cost=1, depth=unrun.depth, fields=unrun.fields,
                       aliases=unrun.aliases, directives=unrun.directives,
                       repeats=most_repeated(document)), settings)
        return None
    values = dict(variables or {})
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if name not in values and definition.default_value is not None:
            values[name] = _literal(definition.default_value, {})
    walk = _Walk(schema, document, values, settings)
    totals = walk.selection_set(operation.selection_set, root, 0, False)
    totals.directives += len(operation.directives or ())
    rest = _Walk(schema, document, {}, settings, lenient=True).unselected(operation)
    analysis = Analysis(nodes=totals.nodes, cost=query_cost(totals.requests),
                        depth=max(totals.depth, rest.depth),
                        fields=totals.fields + rest.fields,
                        aliases=totals.aliases + rest.aliases,
                        directives=totals.directives + rest.directives,
                        repeats=most_repeated(document))
    check(analysis, settings)
    return analysis


def check(analysis: Analysis, settings: Settings) -> None:
    """Refuse an operation over any limit, naming the figure and the limit."""
    for name, measured, limit in (
            ("aliases", analysis.aliases, settings.max_query_aliases),
            ("fields", analysis.fields, settings.max_query_fields),
            ("directives", analysis.directives, settings.max_query_directives),
            ("repeats", analysis.repeats, settings.max_query_repeats),
            ("nodes", analysis.nodes, settings.max_query_nodes)):
        if measured > limit:
            raise QueryTooComplex(
                f"This query asks for {measured} {name}, more than the {limit} allowed.",
                **{name: measured, "limit": limit, "cost": analysis.cost})


def most_repeated(document: DocumentNode) -> int:
    """The most times one field (by response name) or one fragment is selected at one level
    of the document, inline fragments counting as that level: validation compares every pair
    of them (with their selections), so a field repeated hundreds of times costs it seconds
    even within the field limit."""
    most = 0
    pending = [definition.selection_set for definition in document.definitions
               if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)]
    while pending:
        counts: dict[str, int] = {}
        level = [pending.pop()]
        while level:
            for selection in level.pop().selections:
                if isinstance(selection, InlineFragmentNode):
                    level.append(selection.selection_set)
                    continue
                if isinstance(selection, FieldNode):
                    name = (selection.alias or selection.name).value
                    if selection.selection_set is not None:
                        pending.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    name = "..." + selection.name.value
                else:
                    continue
                counts[name] = counts.get(name, 0) + 1
        most = max(most, *counts.values(), 0)
    return most


def _operation(document: DocumentNode,
               operation_name: str | None) -> OperationDefinitionNode | None:
    operations = [definition for definition in document.definitions
                  if isinstance(definition, OperationDefinitionNode)]
    if operation_name is None:
        return operations[0] if len(operations) == 1 else None
    return next((operation for operation in operations
                 if operation.name and operation.name.value == operation_name), None)


@dataclass
class _Walk:
    schema: GraphQLSchema
    document: DocumentNode
    variables: dict[str, Any]
    settings: Settings
    # Measuring what will not run (other operations, unused fragments), for the work their
    # validation takes: page sizes and list lengths are not checked there.
    lenient: bool = False
    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    measured: dict[tuple[str, bool, frozenset[str]], Totals] = field(default_factory=dict)
    measuring: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.fragments = {definition.name.value: definition
                          for definition in self.document.definitions
                          if isinstance(definition, FragmentDefinitionNode)}

    def unselected(self, selected: OperationDefinitionNode | None) -> Totals:
        """The fields, aliases, directives and depth of the document's definitions that
        `selected` does not reach: graphql-core validates the whole document, not only the
        operation that runs."""
        totals = Totals()
        for definition in self.document.definitions:
            if isinstance(definition, OperationDefinitionNode) and definition is not selected:
                root = self.schema.get_root_type(definition.operation)
                totals.add(self.selection_set(definition.selection_set, root, 0, False))
                totals.directives += len(definition.directives or ())
        reached = _reached(selected, self.fragments) if selected is not None else set()
        for name in self.fragments.keys() - reached:
            totals.add(self.fragment(name, 0, False, frozenset()))
        return totals

    def selection_set(self, selection_set: SelectionSetNode | None, parent: Any, depth: int,
                      introspecting: bool, seen_lists: frozenset[str] = frozenset()) -> Totals:
        """The measure of a selection set on `parent`, `depth` levels below the operation."""
        totals = Totals()
        for selection in selection_set.selections if selection_set else ():
            totals.directives += len(selection.directives or ())
            if isinstance(selection, FieldNode):
                totals.add(self.field(selection, parent, depth + 1, introspecting, seen_lists))
            elif isinstance(selection, InlineFragmentNode):
                condition = (self.schema.get_type(selection.type_condition.name.value)
                             if selection.type_condition else parent)
                totals.add(self.selection_set(selection.selection_set, condition, depth,
                                              introspecting, seen_lists))
            elif isinstance(selection, FragmentSpreadNode):
                totals.add(self.fragment(selection.name.value, depth, introspecting,
                                         seen_lists))
        return totals

    def fragment(self, name: str, depth: int, introspecting: bool,
                 seen_lists: frozenset[str]) -> Totals:
        """A fragment's measure relative to where it is spread, measured once per request
        for each way into it (inside introspection, the cycle rule depends on the
        introspection lists above it), so that a fragment bomb is measured in linear time
        (a cycle measures nothing: validation refuses it)."""
        definition = self.fragments.get(name)
        if definition is None or name in self.measuring:
            return Totals()
        key = (name, introspecting, seen_lists)
        if key not in self.measured:
            self.measuring.add(name)
            measured = self.selection_set(definition.selection_set,
                                          self._condition(definition), 0, introspecting,
                                          seen_lists)
            measured.directives += len(definition.directives or ())
            self.measured[key] = measured
            self.measuring.discard(name)
        if depth + self.measured[key].depth > self.settings.max_query_depth:
            self._too_deep(depth + self.measured[key].depth)
        return self.measured[key]

    def _condition(self, definition: FragmentDefinitionNode) -> Any:
        return self.schema.get_type(definition.type_condition.name.value)

    def field(self, node: FieldNode, parent: Any, depth: int, introspecting: bool,
              seen_lists: frozenset[str]) -> Totals:
        """A field's measure: itself, its arguments, its selection as many times as it has
        items (a connection's page, a bounded list)."""
        if depth > self.settings.max_query_depth:
            self._too_deep(depth)
        totals = Totals(depth=1, fields=1, aliases=1 if node.alias else 0)
        name = node.name.value
        definition = self._definition(parent, name)
        arguments = {argument.name.value: _literal(argument.value, self.variables)
                     for argument in node.arguments or ()}
        if parent is not self.schema.mutation_type and not self.lenient:
            # a mutation's input lists are its model's to bound, as user errors (and the
            # request body's size bounds them all)
            self._check_lists(name, arguments)
        if definition is None:
            # validation refuses an unknown field, but only after walking what is below it
            totals.add(self.selection_set(node.selection_set, None, depth, introspecting,
                                          seen_lists), depth_offset=1)
            return totals
        child = get_named_type(definition.type)
        introspecting = introspecting or name.startswith("__") or child.name.startswith("__")
        if introspecting and name in INTROSPECTION_LISTS:
            if name in seen_lists:
                raise QueryTooComplex(
                    f"Introspection selects `{name}` inside `{name}`: an introspection cycle.",
                    field=name)
            seen_lists = seen_lists | {name}
        factor = 1
        if not introspecting and node.selection_set is not None:
            factor = self._items(parent, name, definition, child, arguments)
            if factor:
                totals.nodes += factor
                totals.requests += 1
        below = self.selection_set(node.selection_set, child, depth, introspecting, seen_lists)
        totals.add(below, factor=max(factor, 1), depth_offset=1)
        return totals

    @staticmethod
    def _definition(parent: Any, name: str) -> GraphQLField | None:
        if name in META_FIELDS:
            return META_FIELDS[name]
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            found: GraphQLField | None = parent.fields.get(name)
            return found
        return None

    def _items(self, parent: Any, name: str, definition: GraphQLField, child: Any,
               arguments: dict[str, Any]) -> int:
        """How many items a field gives each parent; 0 for a field read with its parent."""
        if _is_connection(child):
            return self._page_size(arguments)
        if not isinstance(get_nullable_type(definition.type), GraphQLList):
            return 0
        if _is_connection(parent) or _plain_values(child):
            return 0  # a connection's edges are its page; plain values come with the parent
        bound = LIST_BOUNDS.get(f"{parent.name}.{name}")
        if bound is not None:
            return bound(self.settings)
        first = _whole(arguments.get("first", _default(definition, "first")))
        if first is not None:
            return max(first, 0)
        lists = [len(value) for value in arguments.values() if isinstance(value, list)]
        return max(lists) if lists else self.settings.max_page_size

    def _page_size(self, arguments: dict[str, Any]) -> int:
        """A connection's page size; BadUserInput when `first`/`last` is out of bounds (the
        refusal schema/pagination.py would give, before anything runs)."""
        size = None
        for argument in ("first", "last"):
            value = _whole(arguments.get(argument))
            if value is not None:
                if self.lenient:
                    value = min(max(value, 0), self.settings.max_page_size)
                elif not 0 <= value <= self.settings.max_page_size:
                    raise BadUserInput(f"{argument} must be between 0 and "
                                       f"{self.settings.max_page_size}", argument=argument)
                size = value if size is None else max(size, value)
        return self.settings.default_page_size if size is None else size

    def _check_lists(self, field_name: str, arguments: dict[str, Any]) -> None:
        limit = self.settings.max_list_argument_items
        for name, value in arguments.items():
            length = _longest_list(value)
            if length > limit:
                raise BadUserInput(f"{field_name}({name}:) holds a list of {length} items; "
                                   f"lists may hold at most {limit}.", argument=name,
                                   limit=limit)

    def _too_deep(self, depth: int) -> None:
        limit = self.settings.max_query_depth
        raise QueryTooComplex(f"This query is nested {depth} levels deep, more than the "
                              f"{limit} allowed.", depth=depth, limit=limit)


def _is_connection(graphql_type: Any) -> bool:
    """Whether a type is one of our Relay connections (schema/pagination.py Connection)."""
    return (isinstance(graphql_type, GraphQLObjectType) and "edges" in graphql_type.fields
            and "pageInfo" in graphql_type.fields)


def _plain_values(graphql_type: Any) -> bool:
    """Whether an object type holds only scalars (no node, list or object below it)."""
    if isinstance(graphql_type, GraphQLUnionType | GraphQLInterfaceType):
        return False
    return isinstance(graphql_type, GraphQLObjectType) and all(
        is_leaf_type(get_named_type(item.type)) for item in graphql_type.fields.values())


def _whole(value: Any) -> int | None:
    """A number as graphql-core reads an `Int`: an int, or a float with no fraction (JSON
    variables may say `100.0` or `1e9`); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _reached(operation: OperationDefinitionNode,
             fragments: Mapping[str, FragmentDefinitionNode]) -> set[str]:
    """The fragments an operation spreads, directly or through other fragments."""
    reached: set[str] = set()
    pending = [operation.selection_set]
    while pending:
        for spread in _spreads(pending.pop()):
            if spread not in reached and spread in fragments:
                reached.add(spread)
                pending.append(fragments[spread].selection_set)
    return reached


def _spreads(selection_set: SelectionSetNode | None) -> Iterator[str]:
    """The names of the fragments spread in a selection set, at any depth."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FragmentSpreadNode):
            yield selection.name.value
        elif isinstance(selection, FieldNode | InlineFragmentNode):
            yield from _spreads(selection.selection_set)


def _default(definition: GraphQLField, argument: str) -> Any:
    found = definition.args.get(argument)
    return found.default_value if found is not None else None


def _longest_list(value: Any, nesting: int = 0) -> int:
    """The length of the longest list in a value, however deeply nested in input objects."""
    if nesting > MAX_VALUE_NESTING:
        raise BadUserInput(f"Argument values may nest at most {MAX_VALUE_NESTING} levels.")
    if isinstance(value, list):
        return max([len(value), *(_longest_list(item, nesting + 1) for item in value)])
    if isinstance(value, dict):
        return max((_longest_list(item, nesting + 1) for item in value.values()), default=0)
    return 0


def _literal(value: ValueNode, variables: Mapping[str, Any]) -> Any:
    """A rough value of an argument: ints, lists and objects as Python values, variables
    replaced by what the request sent; enough to read sizes, not to type-check."""
    if isinstance(value, VariableNode):
        return variables.get(value.name.value)
    if isinstance(value, IntValueNode):
        try:
            return int(value.value)
        except ValueError:
            return None
    if isinstance(value, ListValueNode):
        return [_literal(item, variables) for item in value.values]
    if isinstance(value, ObjectValueNode):
        return {item.name.value: _literal(item.value, variables) for item in value.fields}
    return None
