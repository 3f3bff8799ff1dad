// A top-level competence whose users hold skills only below it (two levels down).
MATCH (top:Competence) WHERE NOT EXISTS { (top)-[:BROADER]->() }
MATCH (:User)-[:HAS_SKILL]->(:Competence)-[:BROADER]->(:Competence)-[:BROADER]->(top)
RETURN top.id AS id, top.name AS name
LIMIT 1
