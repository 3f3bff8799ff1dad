// Upsert dependencies between activities of one project.
UNWIND $rows AS row
MATCH (a:Activity {id: row.activity})
MATCH (before:Activity {id: row.dependsOn})
MERGE (a)-[:DEPENDS_ON]->(before)
RETURN count(*) AS written
