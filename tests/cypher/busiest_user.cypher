// The seeded person with the most ties (memberships, authorship, follows): a viewer who can
// see, and reach, more of the graph than an anonymous visitor.
MATCH (person:User)
WHERE person.email IS NOT NULL
WITH person, COUNT { (person)--() } AS ties
ORDER BY ties DESC, person.id
LIMIT 1
RETURN person.id AS id
