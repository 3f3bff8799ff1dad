// Which of $pairs ({seq, scopeId, viewerId}) may see their event now: the visibility rule of
// the scope's type (placed below, on `n`, its viewer written as `pair.viewerId`) for each
// pair's viewer, on scopes of that type's label. A scope that no longer exists shows nothing.
UNWIND $pairs AS pair
MATCH (n:{{label}} {id: pair.scopeId})
WITH n, pair
WHERE {{visible}}
RETURN pair.seq AS seq, pair.viewerId AS viewerId
