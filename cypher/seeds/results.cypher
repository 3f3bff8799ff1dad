// Upsert project results by id, with their project.
UNWIND $rows AS row
MERGE (r:Result {id: row.id})
SET r.title = row.title, r.kind = row.kind, r.date = date(row.date),
    r.description = row.description
WITH r, row
MATCH (p:Project {id: row.project})
MERGE (r)-[:RESULT_OF]->(p)
RETURN count(*) AS written
