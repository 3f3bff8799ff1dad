// Which viewers may see each event now: for each of $events ({seq, scopeId, viewers}), the
// viewers (ids; null for anonymous) that the visibility rule of the scope's type (placed
// below, on `n`, its viewer written as `viewerId`) lets see the scope, collected into one row
// per event (anonymous as ''). A scope that no longer exists shows nothing.
UNWIND $events AS event
MATCH (n:{{label}} {id: event.scopeId})
UNWIND event.viewers AS viewerId
WITH n, event, viewerId
WHERE {{visible}}
RETURN event.seq AS seq, collect(coalesce(viewerId, '')) AS viewers
