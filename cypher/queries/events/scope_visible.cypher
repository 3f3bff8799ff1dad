// Which of $pairs ({seq, scopeId, viewerId}) may see their event now: the visibility rule of
// the scope's type (`visible`, on `n`, its viewer written as `pair.viewerId`) for each pair's
// viewer, on scopes with the label `label` (both filled by the code, schema/events/access.py;
// never named with braces in a comment, where a rule of several lines would end the comment).
// A scope that no longer exists shows nothing.
UNWIND $pairs AS pair
MATCH (n:{{label}} {id: pair.scopeId})
WITH n, pair
WHERE {{visible}}
RETURN pair.seq AS seq, pair.viewerId AS viewerId
