// Ground truth for membership tests: every MEMBER_OF between a person and a community, and the
// community's properties and focus areas.
MATCH (c:Community {id: $community})
RETURN [(u:User {id: $user})-[m:MEMBER_OF]->(c) | {role: m.role, status: m.status}]
         AS memberships,
       properties(c) AS community,
       [(c)-[:FOCUSES_ON]->(a) | a.id] AS areas
