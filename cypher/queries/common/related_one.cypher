// The single related node `n` of each parent `p` (a to-one relationship) if the viewer may see
// it, batched; `parent`, `pattern`, `condition` and `projection` are fixed by the code
// (schema/loading.py).
UNWIND $parentIds AS parentId
MATCH (p:{{parent}} {id: parentId})
MATCH {{pattern}}
WHERE {{condition}}
RETURN parentId, n { {{projection}} } AS node
