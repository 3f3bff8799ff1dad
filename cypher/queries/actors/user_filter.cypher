// Filter of the users connection, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given; a MATCH paragraph is a pattern the
// person must be part of, so the planner can start from the area, competence or organization
// it names. A competence matches people skilled in it or in a narrower one.
n.province = $province

toLower(n.displayName) CONTAINS toLower($nameContains)

MATCH (n)-[:INTERESTED_IN]->(:S3Area {id: $s3Area})

MATCH (n)-[:HAS_SKILL]->(:Competence)-[:BROADER*0..]->(:Competence {id: $competence})

MATCH (n)-[:MEMBER_OF]->(:Organization {id: $organization})
