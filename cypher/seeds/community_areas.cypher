// Upsert the S3 areas a community focuses on.
UNWIND $rows AS row
MATCH (c:Community {id: row.community})
MATCH (a:S3Area {id: row.area})
MERGE (c)-[:FOCUSES_ON]->(a)
RETURN count(*) AS written
