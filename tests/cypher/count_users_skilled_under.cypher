// How many users are skilled in a competence or in any narrower one.
MATCH (u:User)
WHERE EXISTS { (u)-[:HAS_SKILL]->(:Competence)-[:BROADER*0..]->(:Competence {id: $competence}) }
RETURN count(u) AS n
