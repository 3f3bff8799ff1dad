// Filter of the communities connection.
($kinds IS NULL OR n.kind IN $kinds)
AND ($access IS NULL OR n.access IN $access)
AND ($s3Area IS NULL OR EXISTS { (n)-[:FOCUSES_ON]->(:S3Area {id: $s3Area}) })
AND ($parent IS NULL OR EXISTS { (n)-[:PART_OF]->(:Community {id: $parent}) })
AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
