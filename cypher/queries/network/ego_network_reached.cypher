// The nodes of level `level` of a neighbourhood (queries/network/ego_network) as [node,
// distance] pairs, `distance` being the level's number: in id order when the bound falls
// within it (`through`, the count of it and the nearer levels, past `$maxNodes`), the
// answer keeping its first nodes; else as found, all of it being kept. The names are fixed
// by the code (schema/network/ego.py).
[y IN CASE WHEN {{through}} > $maxNodes
           THEN COLLECT { UNWIND {{level}} AS y WITH y ORDER BY y.id RETURN y }
           ELSE {{level}} END | [y, {{distance}}]]
