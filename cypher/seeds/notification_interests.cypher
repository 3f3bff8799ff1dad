// Upsert the expression of interest a notification is about.
UNWIND $rows AS row
MATCH (n:Notification {id: row.notification})
MATCH (subject:ExpressionOfInterest {id: row.subject})
MERGE (n)-[:ABOUT]->(subject)
