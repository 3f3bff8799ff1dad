// One page of the best full-text matches of `$query` among the labels asked for, that the
// viewer may see, ranked by score, and how many there are. The three indexes (see migration
// 0008) each give at most `$candidates` matches; a node's score is its best one. `condition`
// (labels and their visibility) and the keyset fragments are fixed by the code
// (schema/search); every value is a parameter.
CALL () {
  CALL db.index.fulltext.queryNodes('search_italian', $query, {limit: $candidates})
    YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_english', $query, {limit: $candidates})
    YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_folded', $query, {limit: $candidates})
    YIELD node, score
  RETURN node, score
}
WITH node AS n, max(score) AS score
WHERE {{condition}}
WITH collect({n: n, score: score}) AS matches
CALL (matches) {
  UNWIND matches AS match
  WITH match.n AS n, match.score AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  RETURN collect({node: {id: n.id, type: [label IN labels(n) WHERE label IN $labels][0]},
                  sortKey: sortKey}) AS items
}
RETURN items, size(matches) AS totalCount
