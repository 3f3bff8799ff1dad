// Upsert discussions by id, with the community they are in and their author.
UNWIND $rows AS row
MERGE (d:Discussion {id: row.id})
SET d.title = row.title, d.body = row.body, d.createdAt = datetime(row.createdAt),
    d.locked = row.locked, d.lastActivityAt = datetime(row.lastActivityAt)
WITH d, row
MATCH (c:Community {id: row.community})
MATCH (u:User {id: row.author})
MERGE (d)-[:IN]->(c)
MERGE (u)-[:AUTHORED]->(d)
RETURN count(*) AS written
