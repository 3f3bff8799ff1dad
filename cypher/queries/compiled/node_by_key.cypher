// Compiled execution (schema/compiled): the node of a label by a unique key (`id`, or `handle`
// for users) if the viewer may see it, projecting only the selected `entries`, with the
// connections below as `subqueries`; the reading of common/nodes_by_key for one key. `label`,
// `key`, `visible`, `entries` and `subqueries` are fixed by the code.
MATCH (n:{{label}} {{{key}}: $key})
WHERE {{visible}}
{{subqueries}}
RETURN n { {{entries}} } AS root
