// Upsert the organization a proposal was made on behalf of.
UNWIND $rows AS row
MATCH (o:Organization {id: row.organization})
MATCH (p:Proposal {id: row.proposal})
MERGE (o)-[:PROPOSED]->(p)
RETURN count(*) AS written
