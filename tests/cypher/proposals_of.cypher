// The ids of the proposals person $user proposed, newest first.
MATCH (:User {id: $user})-[:PROPOSED]->(p:Proposal)
RETURN p.id AS id ORDER BY p.createdAt DESC
