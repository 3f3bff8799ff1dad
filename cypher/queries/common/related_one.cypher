// The single related node `n` of each parent `p` (a to-one relationship), batched; `parent`,
// `pattern` and `projection` are fixed by the code (schema/loading.py).
UNWIND $parentIds AS parentId
MATCH (p:{{parent}} {id: parentId})
MATCH {{pattern}}
RETURN parentId, n { {{projection}} } AS node
