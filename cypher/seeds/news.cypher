// Upsert news by id, with their author.
UNWIND $rows AS row
MERGE (n:News {id: row.id})
SET n.title = row.title, n.summary = row.summary, n.body = row.body,
    n.publishedAt = datetime(row.publishedAt)
WITH n, row
MATCH (u:User {id: row.author})
MERGE (u)-[:AUTHORED]->(n)
RETURN count(*) AS written
