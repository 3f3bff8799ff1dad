// A read that runs for minutes unless it is stopped: every triple of people, compared.
// `$marker` finds its transaction in SHOW TRANSACTIONS.
MATCH (a:User)
MATCH (b:User)
MATCH (c:User)
WHERE a.handle < b.handle AND b.handle < c.handle AND $marker IS NOT NULL
RETURN count(*) AS found
