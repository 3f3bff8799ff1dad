// The projects a network query counts, as Conditions on `n` (schema/loading.py): one
// condition per paragraph, applied only when its parameters are given. A project falls in
// the window [$since, $until] when its own [startDate, endDate] overlaps it (bounds
// inclusive); `$s3Area` keeps the projects tagged with that area.
{{rule network/project_counts}}

n.endDate >= $since

n.startDate <= $until

MATCH (n)-[:TAGGED]->(:S3Area {id: $s3Area})
