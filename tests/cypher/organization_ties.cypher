// The relationships between a person and an organization, as [type, role] pairs, and the
// organization's admins.
MATCH (o:Organization {id: $organization})
OPTIONAL MATCH (:User {id: $person})-[tie]->(o)
WITH o, collect([type(tie), tie.role]) AS ties
RETURN ties, COUNT { (o)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User) } AS admins
