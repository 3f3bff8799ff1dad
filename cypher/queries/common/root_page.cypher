// One page of the nodes of a label that pass a filter, in a keyset order, and how many pass the
// filter when asked: the page reads an index on the sort key in order, the count only when
// asked. `label`, `filter` (a named fragment), `sort` and `projection` are fixed by the code
// (schema/loading.py); filter values and the cursor are parameters.
CALL () {
  MATCH (n:{{label}})
  WHERE {{filter}}
  WITH n, {{sort}} AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  RETURN collect({node: n { {{projection}} }, sortKey: sortKey}) AS items
}
RETURN items, CASE WHEN $withTotal
  THEN COUNT { MATCH (n:{{label}}) WHERE {{filter}} } END
  AS totalCount
