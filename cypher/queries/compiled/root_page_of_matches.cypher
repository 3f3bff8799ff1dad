// Compiled execution (schema/compiled): one page of the nodes of a label that are part of more
// patterns and pass a filter, and how many there are; the reading of
// common/root_page_of_matches, projecting only the selected `entries`, with the connections
// below as `subqueries`. `label`, `patterns`, `filter`, `sort`, `entries`, `sort_entry` and
// `subqueries` are fixed by the code; every value is a parameter, renamed with the slot's own
// prefix.
CALL () {
  MATCH (n:{{label}}){{patterns}}
  WHERE {{filter}}
  WITH DISTINCT n
  RETURN collect({node: n, sortKey: {{sort}}}) AS matches
}
CALL (matches) {
  UNWIND matches AS match
  WITH match.node AS n, match.sortKey AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  {{subqueries}}
  RETURN collect({node: n { {{entries}} }{{sort_entry}}}) AS items
}
RETURN {items: items, totalCount: size(matches)} AS root
