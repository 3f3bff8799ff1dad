// One page of related nodes `n` for each parent `p`, batched, and how many there are; `parent`,
// `pattern`, `condition` (the relation's own predicate and the visibility of `n`), `sort` and
// `projection` are fixed by the code (schema/loading.py); every value is a parameter.
// A parent's related nodes are all read once, for the page and its count together: no index
// gives them in order, so a page (like its count) reads every match anyway.
UNWIND $parentIds AS parentId
MATCH (p:{{parent}} {id: parentId})
CALL (p) {
  MATCH {{pattern}}
  WHERE {{condition}}
  RETURN collect({node: n, edge: r, sortKey: {{sort}}}) AS matches
}
CALL (matches) {
  UNWIND matches AS match
  WITH match.node AS n, match.edge AS r, match.sortKey AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, r, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  RETURN collect({node: n { {{projection}} }, edge: properties(r), sortKey: sortKey}) AS items
}
RETURN parentId, items, size(matches) AS totalCount
