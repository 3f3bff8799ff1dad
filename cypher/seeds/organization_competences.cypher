// Upsert an organization's competences, marking the distinctive ones.
UNWIND $rows AS row
MATCH (o:Organization {id: row.organization}), (c:Competence {id: row.competence})
MERGE (o)-[h:HAS_COMPETENCE]->(c)
SET h.distinctive = row.distinctive
RETURN count(*) AS written
