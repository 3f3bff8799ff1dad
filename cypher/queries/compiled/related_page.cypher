// Compiled execution (schema/compiled): one page of the nodes `n` related to the node
// `{{parent}}` of the level above, and their count when selected, as the map `{{slot}}` of
// that node; the reading of common/related_page for one parent, projecting only the selected
// `entries` and edge properties (`edge`: all of them for the resolver's make_edge; no edge
// entry when nothing of the edge is selected).
// `parent`, `pattern`, `condition`, `sort`, `entries`, `edge`, `sort_entry`, `total` and the
// `subqueries` of the level below are fixed by the code; every value is a parameter, renamed
// with the slot's own prefix.
CALL ({{parent}}) {
  WITH {{parent}} AS p
  RETURN {items: COLLECT {
    MATCH {{pattern}}
    WHERE {{condition}}
    WITH n, r, {{sort}} AS sortKey
    WHERE $cursorId IS NULL
       OR sortKey {{cmp}} {{cursor_key}}
       OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
    WITH n, r, sortKey
    ORDER BY sortKey {{direction}}, n.id {{direction}}
    LIMIT $limit
    {{subqueries}}
    RETURN {node: n { {{entries}} }{{edge}}{{sort_entry}}}
  }{{total}}} AS {{slot}}
}
