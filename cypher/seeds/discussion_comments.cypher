// Upsert comments on discussions by id, with their subject and author.
UNWIND $rows AS row
MERGE (c:Comment {id: row.id})
SET c.body = row.body, c.createdAt = datetime(row.createdAt)
WITH c, row
MATCH (subject:Discussion {id: row.subject})
MATCH (u:User {id: row.author})
MERGE (c)-[:ON]->(subject)
MERGE (u)-[:AUTHORED]->(c)
RETURN count(*) AS written
