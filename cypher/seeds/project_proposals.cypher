// Upsert the proposal a project originated from.
UNWIND $rows AS row
MATCH (p:Project {id: row.project})
MATCH (origin:Proposal {id: row.proposal})
MERGE (p)-[:ORIGINATED_FROM]->(origin)
RETURN count(*) AS written
