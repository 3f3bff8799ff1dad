// Upsert expressions of interest by id, with their author and the proposal they are for.
UNWIND $rows AS row
MERGE (e:ExpressionOfInterest {id: row.id})
SET e.contribution = row.contribution, e.message = row.message, e.status = row.status,
    e.createdAt = datetime(row.createdAt)
WITH e, row
MATCH (u:User {id: row.author})
MATCH (p:Proposal {id: row.proposal})
MERGE (u)-[:EXPRESSED]->(e)
MERGE (e)-[:FOR]->(p)
RETURN count(*) AS written
