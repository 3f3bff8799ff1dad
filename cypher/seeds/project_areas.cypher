// Upsert the S3 areas a project is tagged with.
UNWIND $rows AS row
MATCH (p:Project {id: row.project})
MATCH (a:S3Area {id: row.area})
MERGE (p)-[:TAGGED]->(a)
RETURN count(*) AS written
