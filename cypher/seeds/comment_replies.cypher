// Upsert replies: a comment answering an earlier one on the same subject.
UNWIND $rows AS row
MATCH (c:Comment {id: row.comment})
MATCH (parent:Comment {id: row.parent})
MERGE (c)-[:REPLY_TO]->(parent)
RETURN count(*) AS written
