// Upsert user-organization memberships.
UNWIND $rows AS row
MATCH (u:User {id: row.user}), (o:Organization {id: row.organization})
MERGE (u)-[m:MEMBER_OF]->(o)
SET m.role = row.role, m.title = row.title, m.since = date(row.since)
RETURN count(*) AS written
