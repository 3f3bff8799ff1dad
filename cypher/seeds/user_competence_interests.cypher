// Upsert the competences a user is interested in.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (c:Competence {id: row.target})
MERGE (u)-[:INTERESTED_IN]->(c)
RETURN count(*) AS written
