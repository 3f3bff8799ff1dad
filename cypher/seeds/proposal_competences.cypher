// Upsert the competences a proposal seeks.
UNWIND $rows AS row
MATCH (p:Proposal {id: row.proposal})
MATCH (c:Competence {id: row.competence})
MERGE (p)-[:SEEKS]->(c)
RETURN count(*) AS written
