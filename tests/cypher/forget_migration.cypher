// Remove a test migration's record and the index it created.
MATCH (m:Migration {name: $name})
DELETE m
