// Upsert the project a notification is about.
UNWIND $rows AS row
MATCH (n:Notification {id: row.notification})
MATCH (subject:Project {id: row.subject})
MERGE (n)-[:ABOUT]->(subject)
