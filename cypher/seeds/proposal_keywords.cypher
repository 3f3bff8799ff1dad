// Upsert the keywords of an EEN profile.
UNWIND $rows AS row
MATCH (p:Proposal {id: row.proposal})
MATCH (k:Keyword {id: row.keyword})
MERGE (p)-[:HAS_KEYWORD]->(k)
RETURN count(*) AS written
