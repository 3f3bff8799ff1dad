// Attach the current version of a document to its project.
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (subject:Project {id: row.subject})
MERGE (d)-[:ATTACHED_TO]->(subject)
RETURN count(*) AS written
