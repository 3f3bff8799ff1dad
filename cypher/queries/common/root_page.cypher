// One page of the nodes of a label that pass a filter, in a keyset order, and how many pass the
// filter when asked. `label`, `patterns` (more patterns `n` is part of, each a MATCH clause),
// `distinct`, `filter` (a named fragment), `sort` and `projection` are fixed by the code
// (schema/loading.py); filter values and the cursor are parameters.
CALL () {
  MATCH (n:{{label}}){{patterns}}
  WHERE {{filter}}
  WITH {{distinct}}n, {{sort}} AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  RETURN collect({node: n { {{projection}} }, sortKey: sortKey}) AS items
}
RETURN items, CASE WHEN $withTotal
  THEN COUNT { MATCH (n:{{label}}){{patterns}} WHERE {{filter}} RETURN {{distinct}}n } END
  AS totalCount
