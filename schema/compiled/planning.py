"""Planning a compiled operation: the selection walked once against the schema, giving for each
root field its statement, its parameters and the function that turns its record into the
field's response value (see schema/compiled/__init__.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    get_named_type,
    get_nullable_type,
)
from graphql.execution.collect_fields import FieldDetails, collect_fields, collect_subfields
from graphql.execution.values import get_argument_values
from strawberry.types.arguments import convert_arguments

from app.context import Context
from app.settings import Settings
from schema.compiled import statement, values
from schema.compiled.connections import ConnectionCompiler
from schema.compiled.objects import Fields, Walk
from schema.compiled.values import Build, NotCompilable, checked, resolver_name
from schema.node import node_build, node_kind
from schema.pagination import PageRequest, SortKey
from schema.plans import (
    PAGE_ARGUMENTS,
    AnswerPlan,
    KeyPlan,
    OnePlan,
    Plan,
    RelatedPlan,
    RootPlan,
    TallyPlan,
    plan_of,
)


@dataclass
class RootRead:
    """One root field: its statement, parameters, and how its record becomes its value; or,
    for a field answered by a domain function (AnswerPlan), that function, and how the
    objects it builds become the value."""

    key: str
    text: str | None
    parameters: dict[str, Any]
    value: Build
    answer: Callable[[Context], Awaitable[Any]] | None = None

    async def read(self, context: Context) -> Any:
        """What the field's value is built from; NotCompilable when the normal path must
        answer (a lookup that found nothing)."""
        if self.answer is not None:
            return await self.answer(context)
        assert self.text is not None
        record = await context.db.read(self.text, {**self.parameters,
                                                   "viewerId": context.viewer_id})
        if not record or record[0]["root"] is None:
            raise NotCompilable(f"{self.key} found nothing")
        return record[0]["root"]


@dataclass
class CompiledOperation:
    """The root fields of an operation, each read with one statement."""

    reads: list[RootRead]
    constants: dict[str, Any]
    order: list[str]

    async def run(self, context: Context) -> dict[str, Any]:
        """The operation's `data`; NotCompilable when a record says the normal path must
        answer (nothing found by a lookup, a null where the schema allows none)."""
        if len(self.reads) == 1:  # most pages: no task of its own, nothing to run beside it
            sources = [await self.reads[0].read(context)]
        else:
            sources = await asyncio.gather(*(read.read(context) for read in self.reads))
        found = dict(self.constants)
        for read, source in zip(self.reads, sources, strict=True):
            found[read.key] = read.value(source)
        return {key: found[key] for key in self.order}


class Compiler(ConnectionCompiler):
    """Walks one execution of an operation (the executor's schema, fragments, variables)."""

    def __init__(self, executor: Any, settings: Settings) -> None:
        self.executor = executor
        self.schema = executor.schema
        self.strawberry = self.schema._strawberry_schema
        self.settings = settings
        self.slots = 0
        self.levels = 0
        self.parameters: dict[str, Any] = {}  # the nested connections' own

    def operation(self) -> CompiledOperation:
        """The compiled operation; NotCompilable when some field cannot be compiled."""
        root = self.schema.query_type
        collected = collect_fields(self.schema, self.executor.fragments,
                                   self.executor.variable_values, root, self.executor.operation)
        if collected.new_defer_usages:
            raise NotCompilable("@defer")
        reads, constants = [], {}
        for key, details in collected.grouped_field_set.items():
            name = details[0].node.name.value
            if name == "__typename":
                constants[key] = root.name
            elif name in root.fields:
                reads.append(self._root_field(key, root.fields[name], details))
            else:  # introspection (`__schema`, `__type`)
                raise NotCompilable(name)
        return CompiledOperation(reads, constants, list(collected.grouped_field_set))

    # -- fields ------------------------------------------------------------------------------

    def _plan(self, field: GraphQLField,
              details: list[FieldDetails]) -> tuple[Plan, dict[str, Any]]:
        """The plan of a marked field for these arguments, and its page arguments."""
        definition = field.extensions.get("strawberry-definition")
        if definition is None or definition.permission_classes or definition.extensions:
            raise NotCompilable("a field with permissions or extensions")
        resolver = definition.base_resolver
        plan = plan_of(resolver.wrapped_func if resolver is not None else None)
        if plan is None:
            raise NotCompilable(f"{definition.python_name} is not marked")
        raw = get_argument_values(field, details[0].node, self.executor.variable_values,
                                  details[0].fragment_variable_values)
        arguments = convert_arguments(raw, definition.arguments,
                                      self.strawberry.schema_converter.scalar_registry,
                                      self.strawberry.config)
        page = {name: arguments.pop(name, None) for name in PAGE_ARGUMENTS}
        return checked(lambda: plan(**arguments)), page

    def _root_field(self, key: str, field: GraphQLField, details: list[FieldDetails]) -> RootRead:
        plan, page = self._plan(field, details)
        slot = self._slot()
        self.parameters = {}
        if isinstance(plan, KeyPlan):
            node_type = (self.schema.get_type(plan.type_name) if plan.type_name
                         else get_nullable_type(field.type))
            level, value = self._node(node_type, details)
            text = statement.node_by_key(slot, plan.kind, plan.key, level)
            return RootRead(key, text, {**self.parameters, f"{slot}_key": plan.value}, value)
        if isinstance(plan, RootPlan):
            request, with_total, level, value = self._connection(
                get_nullable_type(field.type), details, plan.sort, page, plan)
            page_text = statement.root_page(slot, plan.kind, plan.filter, plan.sort,
                                            plan.parameters, request, level, with_total)
            return RootRead(key, page_text, {**self.parameters,
                                        **statement.owned(plan.parameters, slot),
                                        **self._page_parameters(slot, request, plan.sort)},
                            value)
        if isinstance(plan, AnswerPlan):
            selected = self._selected_paths(get_named_type(field.type),
                                            self._subfields_of(field, details), levels=None)
            answer = plan.answer
            return RootRead(key, None, {}, self._python_value(field.type, details),
                            lambda context: answer(context, selected.__contains__, page))
        raise NotCompilable(f"{type(plan).__name__} at the root")

    def _subfields_of(self, field: GraphQLField, details: list[FieldDetails]) -> Fields:
        """The fields selected on a field's value (none for a leaf); an interface's or a
        union's selection differs by type, so it is left to the normal path."""
        value_type = get_named_type(field.type)
        if isinstance(value_type, GraphQLLeafType):
            return {}
        if not isinstance(value_type, GraphQLObjectType):
            raise NotCompilable(f"{field.type}: the answer of an abstract type")
        return self._subfields(value_type, details)

    def _page_parameters(self, slot: str, request: PageRequest, sort: SortKey) -> dict[str, Any]:
        return statement.owned(checked(request.parameters, sort), slot)

    def _level(self) -> statement.Level:
        self.levels += 1
        return statement.Level(variable=f"level{self.levels}")

    def _slot(self) -> str:
        self.slots += 1
        return f"c{self.slots}"

    def _subfields(self, object_type: GraphQLObjectType, details: list[FieldDetails]) -> Fields:
        collected = collect_subfields(self.schema, self.executor.fragments,
                                      self.executor.variable_values, self.executor.operation,
                                      object_type, details)
        if collected.new_defer_usages:
            raise NotCompilable("@defer")
        return collected.grouped_field_set

    def _walk(self, object_type: GraphQLObjectType, details: list[FieldDetails]) -> Walk:
        """The fields selected on `object_type` in a canonical order (by field name, then
        response key), and their response keys in the selection's order. One selection
        gives one statement text whatever the order its fields are written in: Neo4j plans
        each new text anew."""
        fields = self._subfields(object_type, details)
        return (sorted(fields.items(), key=lambda item: (item[1][0].node.name.value, item[0])),
                list(fields))

    # -- objects -----------------------------------------------------------------------------

    def _node(self, node_type: Any, details: list[FieldDetails]) -> tuple[statement.Level, Build]:
        """What a node of `node_type` reads, and the builder of its response value from its
        map (projection entries and connection slots)."""
        if not isinstance(node_type, GraphQLObjectType):
            raise NotCompilable("an abstract type")
        kind = node_kind(node_type.name)
        if kind is None:
            raise NotCompilable(f"{node_type.name} is not a registered node type")
        available = kind.entries
        level = self._level()

        def part(key: str, field: GraphQLField, definition: Any,
                 details_of: list[FieldDetails]) -> Build:
            name = details_of[0].node.name.value
            resolver = resolver_name(definition)
            if resolver == "Node.id":
                if ".id" not in level.entries:
                    level.entries.append(".id")
                return values.global_id(node_type.name)
            if resolver is None and isinstance(get_nullable_type(field.type), GraphQLObjectType):
                # an object the type's from_fields makes (an amount of Money): read it whole
                level.whole = True
                return values.built(node_build(node_type.name), definition.python_name,
                                    self._python_value(field.type, details_of))
            if resolver is None:
                entry = available.get(name)
                if entry is None or not isinstance(get_nullable_type(field.type), GraphQLLeafType):
                    raise NotCompilable(f"{node_type.name}.{name}")
                if entry not in level.entries:
                    level.entries.append(entry)
                return values.leaf(node_type.name, name, field, definition)
            return self._resolved(node_type, level, field, details_of)

        value = self._fields(node_type, details, part)
        level.all_entries = list(available.values() if kind.made_of is None
                                 else (available[key] for key in ("id", *kind.made_of)))
        return level, value

    def _resolved(self, node_type: GraphQLObjectType, level: statement.Level,
                  field: GraphQLField, details: list[FieldDetails]) -> Build:
        """A field of the node of `level` that a marked resolver reads: its value, from the
        node's map under the field's slot."""
        plan, page = self._plan(field, details)
        slot = self._slot()
        if isinstance(plan, RelatedPlan):
            return self._related(slot, node_type, level, field, details, plan, page)
        if isinstance(plan, OnePlan):
            return self._one(slot, level, field, details, plan)
        if isinstance(plan, TallyPlan):
            level.entries.append(f"{slot}: {plan.tally.expression}")
            return lambda node: node[slot]
        raise NotCompilable(f"{type(plan).__name__} below the root")

    def _one(self, slot: str, level: statement.Level, field: GraphQLField,
             details: list[FieldDetails], plan: OnePlan) -> Build:
        """A to-one field of the node of `level`: its subquery joins the level's."""
        inner, value = self._node(get_nullable_type(field.type), details)
        level.calls.append(statement.related_one(slot, level.variable, plan.relation, inner))
        level.slots.append(slot)
        required = isinstance(field.type, GraphQLNonNull)

        def read(node: dict[str, Any]) -> Any:
            found = node[slot]
            if found is None:
                if required:
                    raise NotCompilable(f"{details[0].node.name.value} is null")
                return None
            return value(found)

        return read

    def _related(self, slot: str, node_type: GraphQLObjectType, level: statement.Level,
                 field: GraphQLField, details: list[FieldDetails], plan: RelatedPlan,
                 page: dict[str, Any]) -> Build:
        """A connection of the node of `level`: its subquery joins the level's. Edges whose
        selection only the resolver's `make_edge` can answer are made by it; one made for
        its parent object reads the parent whole, to build it."""
        request, with_total, inner, value = self._connection(
            get_nullable_type(field.type), details, plan.relation.sort, page, plan)
        level.calls.append(statement.related_page(slot, level.variable, plan.relation,
                                                  plan.parameters, request, inner, with_total))
        level.slots.append(slot)
        self.parameters.update(statement.owned(plan.parameters, slot))
        self.parameters.update(self._page_parameters(slot, request, plan.relation.sort))
        if inner.edge_whole and plan.make_edge is None:
            level.whole = True
            parent = node_build(node_type.name)
            return lambda node: value(node[slot], plan.edges(parent(node)))
        return lambda node: value(node[slot], plan.make_edge)
