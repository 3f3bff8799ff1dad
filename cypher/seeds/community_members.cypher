// Upsert community memberships with their role, status and date.
UNWIND $rows AS row
MATCH (u:User {id: row.user})
MATCH (c:Community {id: row.community})
MERGE (u)-[m:MEMBER_OF]->(c)
SET m.role = row.role, m.status = row.status, m.since = date(row.since)
RETURN count(*) AS written
