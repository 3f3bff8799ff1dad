// Upsert notifications by id, with the person they are for.
UNWIND $rows AS row
MERGE (n:Notification {id: row.id})
SET n.kind = row.kind, n.createdAt = row.createdAt, n.readAt = row.readAt
WITH n, row
MATCH (u:User {id: row.user})
MERGE (n)-[:FOR]->(u)
