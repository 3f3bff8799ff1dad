// Upsert activities by id, with the project they are part of.
UNWIND $rows AS row
MERGE (a:Activity {id: row.id})
SET a.title = row.title, a.startDate = date(row.startDate), a.endDate = date(row.endDate),
    a.status = row.status, a.progress = row.progress
WITH a, row
MATCH (p:Project {id: row.project})
MERGE (a)-[:PART_OF]->(p)
RETURN count(*) AS written
