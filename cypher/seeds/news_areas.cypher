// Upsert the S3 areas news are tagged with.
UNWIND $rows AS row
MATCH (n:News {id: row.news})
MATCH (a:S3Area {id: row.area})
MERGE (n)-[:TAGGED]->(a)
RETURN count(*) AS written
