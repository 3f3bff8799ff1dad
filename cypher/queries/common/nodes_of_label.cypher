// One label's part of a batched read of nodes of several labels by id: the parts, joined with
// UNION ALL, read every node a request asks for in one round trip, each with its label's
// visibility; `branch` (the part's number), `label`, `visible` and `projection` are fixed by
// the code (schema/loading.py).
UNWIND $keys AS key
WITH key
WHERE key.branch = {{branch}}
MATCH (n:{{label}} {id: key.id})
WHERE {{visible}}
RETURN key.branch AS branch, key.id AS id, n { {{projection}} } AS node
