// Filter of the communities connection. A parent the viewer may not see (community_visible)
// reads as one that does not exist: it has no sub-communities to list.
($kinds IS NULL OR n.kind IN $kinds)
AND ($access IS NULL OR n.access IN $access)
AND ($s3Area IS NULL OR EXISTS { (n)-[:FOCUSES_ON]->(:S3Area {id: $s3Area}) })
AND ($parent IS NULL
     OR EXISTS { (n)-[:PART_OF]->(parent:Community {id: $parent}) WHERE parent.access = 'OPEN' })
AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
