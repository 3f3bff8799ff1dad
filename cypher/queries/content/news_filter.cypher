// Filter of the news connection. Publication times form half-open ranges: at or after
// $publishedAfter, strictly before $publishedBefore.
($s3Area IS NULL OR EXISTS { (n)-[:TAGGED]->(:S3Area {id: $s3Area}) })
AND ($organization IS NULL
     OR EXISTS { (n)-[:ON_BEHALF_OF]->(:Organization {id: $organization}) })
AND ($publishedAfter IS NULL OR n.publishedAt >= $publishedAfter)
AND ($publishedBefore IS NULL OR n.publishedAt < $publishedBefore)
