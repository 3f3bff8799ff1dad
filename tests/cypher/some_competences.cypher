// Some seeded competences for test profiles.
MATCH (c:Competence)
RETURN c.id AS id
ORDER BY c.name
LIMIT $count
