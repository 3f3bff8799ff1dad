"""Compiled execution of read queries: for an operation whose every selected field can be
compiled, each root field is read with ONE Cypher statement (schema/compiled/statement.py,
cypher/queries/compiled/) and the response's `data` is built straight from its record,
without graphql-core's field by field execution, its resolvers, dataloaders and tasks, and
reading only the selected fields of each node. Anything else runs the normal way. Why: the
side-by-side benchmark (benchmarks/results.md) measured most of a page's time in field by
field execution and in reading fields nobody selected.

What compiles: `__typename`; a Node's `id`; a plain attribute of a registered node type whose
NodeKind projection has an entry of the same name (converted as the type's `from_fields`
converts it, values.CONVERSIONS, then serialized by the schema's own leaf type); an object a
type's `from_fields` builds (an amount of Money: the node is then built by that same code, read
with the entries its objects are made of, NodeKind.made_of, or whole); a field whose resolver
is marked with `compiles` (schema/plans.py): a lookup by key (`user(handle:)`, `node(id:)`), a
top-level connection, a related connection, a to-one field, a tally; and a top-level field
whose value a domain function builds in Python (an AnswerPlan: `collaborators`, `egoNetwork`),
called as its resolver calls it, whose objects are read attribute by attribute
(schema/compiled/objects.py) instead of field by field.
In a connection: `edges`, `pageInfo`, `totalCount`; on an edge
`cursor`, `node`, the relationship's stored properties, and any other plain field (a share of
a budget) from the edge the resolver's own `make_edge` makes. Pages and cursors are those of
schema/pagination.py (`checked_request`, `build`), run on the statement's rows.

A compiled operation is kept (app/kept.py) for the next request of the same document,
operation, variables and settings, since compiling depends on nothing else; what a request
adds (the viewer, the database) is given when it runs.

Validation, limits, rate limiting and the other schema extensions run as for every operation:
compilation replaces only the executor's `execute_operation`; a query POSTed as JSON is
checked by the same functions and answered without strawberry's machinery (direct.py).
Whatever the compiled path cannot answer exactly as the normal one would (an argument
refused, a lookup that finds nothing and so raises, a null in a non-null field) makes it
give up and run the normal path, so errors are always the normal path's. Setting
`compiled_execution` (COMPILED_EXECUTION) turns it off; `extensions.cypher.compiled`, the
request's log line and the metric `graphql_compiled_operations` tell which path answered.
"""
