// Nodes of one label by a unique key (`id`, or `handle` for users), for the dataloaders;
// `label`, `key` and `projection` are fixed by the code (schema/loading.py).
UNWIND $keys AS key
MATCH (n:{{label}} {{{key}}: key})
RETURN key, n { {{projection}} } AS node
