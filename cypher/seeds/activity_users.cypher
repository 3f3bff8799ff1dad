// Upsert the people an activity is assigned to.
UNWIND $rows AS row
MATCH (a:Activity {id: row.activity})
MATCH (u:User {id: row.user})
MERGE (a)-[:ASSIGNED_TO]->(u)
RETURN count(*) AS written
