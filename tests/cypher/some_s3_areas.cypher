// Three seeded S3 areas for test graphs to tag.
MATCH (a:S3Area)
RETURN a.id AS id
ORDER BY a.code
LIMIT 3
