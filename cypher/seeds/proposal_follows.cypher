// Upsert follows of a proposal, with the time they began.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (target:Proposal {id: row.target})
MERGE (u)-[f:FOLLOWS]->(target)
SET f.since = datetime(row.since)
RETURN count(*) AS written
