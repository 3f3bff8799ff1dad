// Upsert the news item a notification is about.
UNWIND $rows AS row
MATCH (n:Notification {id: row.notification})
MATCH (subject:News {id: row.subject})
MERGE (n)-[:ABOUT]->(subject)
