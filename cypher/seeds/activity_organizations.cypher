// Upsert the partner organizations an activity is assigned to.
UNWIND $rows AS row
MATCH (a:Activity {id: row.activity})
MATCH (o:Organization {id: row.organization})
MERGE (a)-[:ASSIGNED_TO]->(o)
RETURN count(*) AS written
