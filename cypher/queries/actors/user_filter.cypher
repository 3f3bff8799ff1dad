// Filter of the users connection. A competence matches users skilled in it or in a narrower one.
($province IS NULL OR n.province = $province)
AND ($s3Area IS NULL OR EXISTS { (n)-[:INTERESTED_IN]->(:S3Area {id: $s3Area}) })
AND ($competence IS NULL
     OR EXISTS { (n)-[:HAS_SKILL]->(:Competence)-[:BROADER*0..]->(:Competence {id: $competence}) })
AND ($organization IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Organization {id: $organization}) })
AND ($nameContains IS NULL OR toLower(n.displayName) CONTAINS toLower($nameContains))
