// Upsert the proposal a notification is about.
UNWIND $rows AS row
MATCH (n:Notification {id: row.notification})
MATCH (subject:Proposal {id: row.subject})
MERGE (n)-[:ABOUT]->(subject)
