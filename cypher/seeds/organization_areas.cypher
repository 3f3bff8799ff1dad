// Upsert the S3 areas an organization works in.
UNWIND $rows AS row
MATCH (o:Organization {id: row.organization}), (a:S3Area {id: row.area})
MERGE (o)-[:INTERESTED_IN]->(a)
RETURN count(*) AS written
