// One page of the nodes of a label that are part of more patterns (`patterns`, each a MATCH
// clause) and pass a filter, in a keyset order, and how many there are. The matches are read
// once, for the page and its count together: a node may match in several ways, so they are
// made distinct first and no index can give them in order. `label`, `patterns`, `filter`,
// `sort` and `projection` are fixed by the code (schema/loading.py); values are parameters.
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
  RETURN collect({node: n { {{projection}} }, sortKey: sortKey}) AS items
}
RETURN items, size(matches) AS totalCount
