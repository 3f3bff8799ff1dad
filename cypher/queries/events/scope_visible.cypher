// Which of $pairs ({seq, scopeId, viewerId}) may see their event now: the visibility rule of
// the scope's type (`visible`, on `n`, its viewer written as `pair.viewerId`) for each
// pair's viewer, on scopes labelled `label`. A scope that no longer exists shows nothing.
// (The placeholders are named without their braces here: a rule placed in a comment line
// would run on into the statement.)
UNWIND $pairs AS pair
MATCH (n:{{label}} {id: pair.scopeId})
WITH n, pair
WHERE {{visible}}
RETURN pair.seq AS seq, pair.viewerId AS viewerId
