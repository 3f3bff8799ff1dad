// Upsert the author of a territorial proposal.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (p:Proposal {id: row.proposal})
MERGE (u)-[:PROPOSED]->(p)
RETURN count(*) AS written
