// The labels and id of the node `n` that a to-one path leads to from each parent `p`, batched;
// `parent` and `pattern` are fixed by the code (schema/loading.py). Visibility is applied when
// the node is then loaded as the type its label is registered for (schema/node.py).
UNWIND $parentIds AS parentId
MATCH (p:{{parent}} {id: parentId})
CALL (p) {
  MATCH {{pattern}}
  RETURN n
  LIMIT 1
}
RETURN parentId, labels(n) AS labels, n.id AS id
