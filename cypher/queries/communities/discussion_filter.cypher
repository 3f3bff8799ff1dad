// Filter of discussions, top-level and within a community: a predicate on `n` alone. Creation
// times form half-open ranges: at or after $createdAfter, strictly before $createdBefore.
($community IS NULL OR EXISTS { (n)-[:IN]->(:Community {id: $community}) })
AND ($s3Area IS NULL
     OR EXISTS { (n)-[:IN]->(:Community)-[:FOCUSES_ON]->(:S3Area {id: $s3Area}) })
AND ($author IS NULL OR EXISTS { (n)<-[:AUTHORED]-(:User {id: $author}) })
AND ($createdAfter IS NULL OR n.createdAt >= $createdAfter)
AND ($createdBefore IS NULL OR n.createdAt < $createdBefore)
