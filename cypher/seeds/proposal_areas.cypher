// Upsert the S3 areas a proposal is tagged with.
UNWIND $rows AS row
MATCH (p:Proposal {id: row.proposal})
MATCH (a:S3Area {id: row.area})
MERGE (p)-[:TAGGED]->(a)
RETURN count(*) AS written
