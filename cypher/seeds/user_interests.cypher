// Upsert a user's interests in S3 areas and competences (the target is either).
UNWIND $rows AS row
MATCH (u:User {id: row.user})
CALL (row) {
  MATCH (target:S3Area {id: row.target}) RETURN target
  UNION
  MATCH (target:Competence {id: row.target}) RETURN target
}
MERGE (u)-[:INTERESTED_IN]->(target)
