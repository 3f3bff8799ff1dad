// Remove one user.
MATCH (u:User {id: $id})
DETACH DELETE u
