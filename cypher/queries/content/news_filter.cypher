// Filter of the news connection, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given; a MATCH paragraph is a pattern the
// news item must be part of. Publication times form half-open ranges: at or after
// $publishedAfter, strictly before $publishedBefore.
MATCH (n)-[:TAGGED]->(:S3Area {id: $s3Area})

MATCH (n)-[:ON_BEHALF_OF]->(:Organization {id: $organization})

n.publishedAt >= $publishedAfter

n.publishedAt < $publishedBefore
