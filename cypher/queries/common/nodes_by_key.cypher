// Nodes of one label by a unique key (`id`, or `handle` for users) that the viewer may see, for
// the dataloaders; `label`, `key`, `visible` and `projection` are fixed by the code
// (schema/loading.py).
UNWIND $keys AS key
MATCH (n:{{label}} {{{key}}: key})
WHERE {{visible}}
RETURN key, n { {{projection}} } AS node
