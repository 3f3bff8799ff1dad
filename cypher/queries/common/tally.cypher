// One count (`count`, an expression on `n` fixed by the code: schema/counting.py) for each of
// a batch of nodes of `label`, which the caller has already read through their visibility rule.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN id, {{count}} AS count
