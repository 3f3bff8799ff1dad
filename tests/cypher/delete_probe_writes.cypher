// Remove what the API wrote for a probe's people: what they authored (discussions, comments,
// news), communities they created, notifications for them and notifications about any of it.
// The probe's own nodes go with delete_probe.
MATCH (u:User:Probe {probe: $probe})
CALL (u) {
  OPTIONAL MATCH (u)-[:AUTHORED]->(x) WHERE NOT x:Probe
  RETURN collect(x) AS authored
}
CALL (u) {
  OPTIONAL MATCH (u)-[:MEMBER_OF]->(c:Community) WHERE NOT c:Probe
  RETURN collect(c) AS created
}
CALL (u) {
  OPTIONAL MATCH (u)<-[:FOR]-(note:Notification)
  RETURN collect(note) AS notes
}
UNWIND authored + created + notes AS made
WITH DISTINCT made
CALL (made) {
  OPTIONAL MATCH (made)<-[:ABOUT]-(about:Notification)
  DETACH DELETE about
}
DETACH DELETE made
