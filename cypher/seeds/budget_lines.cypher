// Upsert budget lines by id (cents), with their project and partner organization.
UNWIND $rows AS row
MERGE (b:BudgetLine {id: row.id})
SET b.category = row.category, b.planned = row.planned, b.spent = row.spent
WITH b, row
MATCH (p:Project {id: row.project})
MATCH (o:Organization {id: row.organization})
MERGE (b)-[:OF]->(p)
MERGE (b)-[:FOR]->(o)
RETURN count(*) AS written
