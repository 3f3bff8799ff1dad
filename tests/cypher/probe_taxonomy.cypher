// Seeded taxonomy nodes for a probe graph of proposals: a top-level competence with
// competences one and two levels below it, competences outside it that have a broader one,
// and three S3 areas.
MATCH (top:Competence)<-[:BROADER]-(middle:Competence)<-[:BROADER]-(deep:Competence)
WHERE NOT EXISTS { (top)-[:BROADER]->() }
WITH top, middle, deep ORDER BY top.name, middle.name, deep.name LIMIT 1
MATCH (other:Competence)-[:BROADER]->(:Competence)
WHERE NOT EXISTS { (other)-[:BROADER*0..]->(top) }
WITH top, middle, deep, other ORDER BY other.name LIMIT 3
WITH top, middle, deep, collect(other.id) AS others
MATCH (area:S3Area)
WITH top, middle, deep, others, area ORDER BY area.code LIMIT 3
RETURN top.id AS top, middle.id AS middle, deep.id AS deep, others, collect(area.id) AS areas
