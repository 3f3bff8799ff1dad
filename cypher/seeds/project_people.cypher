// Upsert the people working on a project, with their role.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (p:Project {id: row.project})
MERGE (u)-[r:WORKS_ON]->(p)
SET r.role = row.role
RETURN count(*) AS written
