// Upsert competences by id (parents are written first, so a broader one always exists).
UNWIND $rows AS row
MERGE (c:Competence {id: row.id})
SET c.name = row.name, c.nameIt = row.nameIt
WITH c, row
CALL (c, row) {
  MATCH (broader:Competence {id: row.broader})
  MERGE (c)-[:BROADER]->(broader)
}
RETURN count(*) AS written
