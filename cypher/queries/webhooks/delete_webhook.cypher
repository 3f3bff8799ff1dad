// Deletes the viewer's webhook $webhookId with the record of its deliveries. Outcomes: DONE,
// NOT_FOUND (no webhook of the viewer's). A process delivering it finds it gone and stops.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (webhook:Webhook {id: $webhookId})
  WHERE {{rule webhooks/webhook_visible(webhook)}}
CALL (webhook) {
  WITH webhook
  WHERE webhook IS NOT NULL
  OPTIONAL MATCH (delivery:WebhookDelivery)-[:FOR]->(webhook)
  DETACH DELETE delivery
  DETACH DELETE webhook
}
RETURN CASE WHEN webhook IS NULL THEN 'NOT_FOUND' ELSE 'DONE' END AS outcome
