// Attach the current version of a document to its proposal.
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (subject:Proposal {id: row.subject})
MERGE (d)-[:ATTACHED_TO]->(subject)
RETURN count(*) AS written
