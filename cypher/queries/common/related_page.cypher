// One page of related nodes `n` for each parent `p`, batched, and how many there are when
// asked; `parent`, `pattern`, `condition` (the relation's own predicate and the visibility of
// `n`), `sort` and `projection` are fixed by the code (schema/loading.py); every value is a
// parameter.
UNWIND $parentIds AS parentId
MATCH (p:{{parent}} {id: parentId})
CALL (p) {
  MATCH {{pattern}}
  WHERE {{condition}}
  WITH n, r, {{sort}} AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, r, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  RETURN collect({node: n { {{projection}} }, edge: properties(r), sortKey: sortKey}) AS items
}
RETURN parentId, items,
  CASE WHEN $withTotal THEN COUNT { MATCH {{pattern}} WHERE {{condition}} } END AS totalCount
