// The expressions of interest of person $user in proposal $proposal, with the organization
// each speaks for.
MATCH (:User {id: $user})-[:EXPRESSED]->(e:ExpressionOfInterest)-[:FOR]->(:Proposal {id: $proposal})
RETURN e.id AS id, e.status AS status, e.key AS key,
       [(e)-[:ON_BEHALF_OF]->(o) | o.id] AS organizations
