// The nodes of level `level` of a neighbourhood (queries/network/ego_network) that the answer
// keeps: the first `$maxNodes` nodes of every level together, the nearer levels holding
// `nearer_count` of them and this one with them `count`. The level where the bound falls is
// put in id order and cut to the room the nearer levels leave; a level within the bound is
// kept whole, as found; one past it, not at all. The names and counts are fixed by the code
// (schema/network/ego.py).
(CASE WHEN {{nearer_count}} < $maxNodes AND {{count}} > $maxNodes
      THEN COLLECT { UNWIND {{level}} AS y WITH y ORDER BY y.id RETURN y }
      ELSE {{level}} END)[..CASE WHEN {{nearer_count}} < $maxNodes
                            THEN $maxNodes - ({{nearer_count}}) ELSE 0 END]
