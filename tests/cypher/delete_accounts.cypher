// Remove the accounts a test made (by lower-cased email, or by id), with their sessions and
// external identities.
CALL () {
  UNWIND $emailKeys AS emailKey
  MATCH (user:User {emailKey: emailKey})
  RETURN user
  UNION
  UNWIND $ids AS id
  MATCH (user:User {id: id})
  RETURN user
}
OPTIONAL MATCH (user)<-[:OF]-(session:Session)
OPTIONAL MATCH (user)-[:IDENTIFIED_BY]->(identity:ExternalIdentity)
DETACH DELETE session, identity, user
