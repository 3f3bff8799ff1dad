// Upsert milestones by id, with the project they are part of.
UNWIND $rows AS row
MERGE (m:Milestone {id: row.id})
SET m.title = row.title, m.dueDate = date(row.dueDate),
    m.reachedAt = datetime(row.reachedAt)
WITH m, row
MATCH (p:Project {id: row.project})
MERGE (m)-[:PART_OF]->(p)
RETURN count(*) AS written
