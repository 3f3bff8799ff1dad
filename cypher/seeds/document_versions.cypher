// Upsert version chains: each version points to the one it replaced.
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (previous:Document {id: row.previous})
MERGE (d)-[:PREVIOUS_VERSION]->(previous)
RETURN count(*) AS written
