// Upsert the comment a notification is about.
UNWIND $rows AS row
MATCH (n:Notification {id: row.notification})
MATCH (subject:Comment {id: row.subject})
MERGE (n)-[:ABOUT]->(subject)
