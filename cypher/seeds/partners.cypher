// Upsert project partners with their role and budget (cents).
UNWIND $rows AS row
MATCH (o:Organization {id: row.organization})
MATCH (p:Project {id: row.project})
MERGE (o)-[r:PARTNER_IN]->(p)
SET r.role = row.role, r.budget = row.budget
RETURN count(*) AS written
