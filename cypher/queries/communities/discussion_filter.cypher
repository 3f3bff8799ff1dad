// Filter of discussions, top-level and within a community, as Conditions (schema/loading.py):
// one condition per paragraph, applied only when its parameters are given; a MATCH paragraph
// is a pattern the discussion must be part of. Creation times form half-open ranges: at or
// after $createdAfter, strictly before $createdBefore.
MATCH (n)-[:IN]->(:Community {id: $community})

MATCH (n)-[:IN]->(:Community)-[:FOCUSES_ON]->(:S3Area {id: $s3Area})

MATCH (n)<-[:AUTHORED]-(:User {id: $author})

n.createdAt >= $createdAfter

n.createdAt < $createdBefore
