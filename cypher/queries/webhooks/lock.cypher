// Locks the webhooks $webhookIds until the transaction ends, so that the statement run after
// it in the same transaction reads them as no other transaction can change them.
UNWIND $webhookIds AS id
MATCH (webhook:Webhook {id: id})
SET webhook._lock = true
REMOVE webhook._lock
RETURN webhook.id AS id
