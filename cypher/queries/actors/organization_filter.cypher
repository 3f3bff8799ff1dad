// Filter of the organizations connection. A competence matches organizations holding it or a
// narrower one.
($province IS NULL OR n.province = $province)
AND ($kinds IS NULL OR n.kind IN $kinds)
AND ($s3Area IS NULL OR EXISTS { (n)-[:INTERESTED_IN]->(:S3Area {id: $s3Area}) })
AND ($competence IS NULL
     OR EXISTS { (n)-[:HAS_COMPETENCE]->(:Competence)-[:BROADER*0..]->(:Competence {id: $competence}) })
AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
