// Upsert notifications about proposals by id, with the person each is for and its subject.
UNWIND $rows AS row
MERGE (n:Notification {id: row.id})
SET n.kind = row.kind, n.createdAt = datetime(row.createdAt),
    n.readAt = datetime(row.readAt)
WITH n, row
MATCH (u:User {id: row.user})
MATCH (subject:Proposal {id: row.subject})
MERGE (n)-[:FOR]->(u)
MERGE (n)-[:ABOUT]->(subject)
RETURN count(*) AS written
