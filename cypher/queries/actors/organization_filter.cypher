// Filter of the organizations connection, as Conditions (schema/loading.py): one condition
// per paragraph, applied only when its parameters are given; a MATCH paragraph is a pattern
// the organization must be part of. A competence matches organizations holding it or a
// narrower one.
n.province = $province

n.kind IN $kinds

toLower(n.name) CONTAINS toLower($nameContains)

MATCH (n)-[:INTERESTED_IN]->(:S3Area {id: $s3Area})

MATCH (n)-[:HAS_COMPETENCE]->(:Competence)-[:BROADER*0..]->(:Competence {id: $competence})
