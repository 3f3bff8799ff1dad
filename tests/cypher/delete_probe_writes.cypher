// Remove what the API wrote for a probe's people: what they authored (discussions, comments,
// news), communities they created, notifications for them and notifications about any of it,
// their webhooks and the record of their deliveries.
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
CALL (u) {
  OPTIONAL MATCH (u)<-[:OWNED_BY]-(hook:Webhook)
  OPTIONAL MATCH (hook)<-[:FOR]-(delivery:WebhookDelivery)
  RETURN collect(hook) + collect(delivery) AS hooks
}
UNWIND authored + created + notes + hooks AS made
WITH DISTINCT made
CALL (made) {
  OPTIONAL MATCH (made)<-[:ABOUT]-(about:Notification)
  DETACH DELETE about
}
DETACH DELETE made
