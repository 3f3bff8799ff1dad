// The nodes of level `level` of a neighbourhood (queries/network/ego_network) as [node,
// distance] pairs, `distance` being the level's number: in id order when the bound falls
// within it (the nearer levels hold fewer than `$maxNodes` nodes, `nearer_count`, and with
// it more, `count`), the answer keeping its first nodes; else as found, the level being kept
// whole or not at all. The names and counts are fixed by the code (schema/network/ego.py).
[y IN CASE WHEN {{nearer_count}} < $maxNodes AND {{count}} > $maxNodes
           THEN COLLECT { UNWIND {{level}} AS y WITH y ORDER BY y.id RETURN y }
           ELSE {{level}} END | [y, {{distance}}]]
