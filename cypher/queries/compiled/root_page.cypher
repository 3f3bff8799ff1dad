// Compiled execution (schema/compiled): one page of the nodes of a label that pass a filter,
// and how many pass it when selected; the reading of common/root_page, projecting only the
// selected `entries`, with the connections below as `subqueries`. `label`, `filter`, `sort`,
// `entries`, `sort_entry`, `total` and `subqueries` are fixed by the code; every value is a
// parameter, renamed with the slot's own prefix.
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
  {{subqueries}}
  RETURN collect({node: n { {{entries}} }{{sort_entry}}}) AS items
}
RETURN {items: items{{total}}} AS root
