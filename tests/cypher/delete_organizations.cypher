// Remove organizations that a test created through the API.
MATCH (o:Organization)
WHERE o.id IN $ids
DETACH DELETE o
