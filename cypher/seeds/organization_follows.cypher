// Upsert follows of a organization, with the time they began.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (target:Organization {id: row.target})
MERGE (u)-[f:FOLLOWS]->(target)
SET f.since = datetime(row.since)
RETURN count(*) AS written
