// The notifications about node $subject: their kind, the person each is for, whether read.
MATCH (notice:Notification)-[:ABOUT]->({id: $subject})
MATCH (notice)-[:FOR]->(person:User)
RETURN notice.kind AS kind, person.id AS user, notice.readAt IS NOT NULL AS read
ORDER BY user
