// The cast of the subscription benchmark: the OPEN community with the most active members,
// one of them to write, and $subscribers people (members first) to subscribe to it.
MATCH (community:Community {access: 'OPEN'})
WITH community, COUNT { (community)<-[:MEMBER_OF {status: 'ACTIVE'}]-(:User) } AS members
ORDER BY members DESC, community.id
LIMIT 1
MATCH (author:User)-[:MEMBER_OF {status: 'ACTIVE'}]->(community)
WITH community, author ORDER BY author.id LIMIT 1
CALL (community) {
  MATCH (person:User)
  WITH person, EXISTS { (person)-[:MEMBER_OF {status: 'ACTIVE'}]->(community) } AS member
  ORDER BY member DESC, person.id
  LIMIT $subscribers
  RETURN collect(person.id) AS people
}
RETURN community.id AS community, author.id AS author, people
