// Upsert a user's skills with their level.
UNWIND $rows AS row
MATCH (u:User {id: row.user}), (c:Competence {id: row.competence})
MERGE (u)-[s:HAS_SKILL]->(c)
SET s.level = row.level
RETURN count(*) AS written
