"""Compiled execution of read queries: for an operation whose every selected field can be
compiled, each root field is read with ONE Cypher statement (schema/compiled/statement.py)
and the response's `data` is built straight from its record, without graphql-core's field by
field execution, its resolvers, dataloaders and tasks. Anything else runs the normal way.

What compiles: `__typename`; a Node's `id`; a plain attribute of a type whose NodeKind
projection has an entry of the same name (read and converted as the resolvers' objects hold
it, then serialized by the schema's own leaf type); a field whose resolver is marked with
`compiles` (schema/compiled/registry.py): a lookup by key, a top-level connection, a related
connection; in a connection, `edges`, `pageInfo`, `totalCount`, and on an edge `cursor`,
`node` and the relationship's properties. Pages and cursors are those of
schema/pagination.py (`checked_request`, `build`), run on the statement's rows.

Validation, limits, rate limiting and the other schema extensions run as for every operation:
compilation replaces only the executor's `execute_operation`. Whatever the compiled path
cannot answer exactly as the normal one would (an argument refused, a lookup that finds
nothing and so raises, a null in a non-null field) makes it give up and run the normal path,
so errors are always the normal path's.
"""

