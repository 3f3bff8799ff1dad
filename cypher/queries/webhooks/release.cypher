// Ends the leases that the dispatcher $owner still holds on the webhooks $webhookIds (locked
// before in this transaction): another process may take them at once.
UNWIND $webhookIds AS id
MATCH (webhook:Webhook {id: id})
WHERE webhook.leaseOwner = $owner
SET webhook.leaseOwner = null, webhook.leaseUntil = null
