// Upsert follows of a community, with the time they began.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (target:Community {id: row.target})
MERGE (u)-[f:FOLLOWS]->(target)
SET f.since = datetime(row.since)
RETURN count(*) AS written
