// Upsert the S3 areas a user is interested in.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (a:S3Area {id: row.target})
MERGE (u)-[:INTERESTED_IN]->(a)
RETURN count(*) AS written
