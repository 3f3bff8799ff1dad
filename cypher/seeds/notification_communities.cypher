// Upsert the community a notification is about.
UNWIND $rows AS row
MATCH (n:Notification {id: row.notification})
MATCH (subject:Community {id: row.subject})
MERGE (n)-[:ABOUT]->(subject)
