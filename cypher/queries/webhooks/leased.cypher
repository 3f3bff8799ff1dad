// The webhooks leased to the dispatcher $owner, locked until the transaction ends (for
// `release` to end the leases it still holds), in the order of their ids.
MATCH (webhook:Webhook)
WHERE webhook.leaseOwner = $owner
WITH webhook
ORDER BY webhook.id
SET webhook._lock = true
REMOVE webhook._lock
RETURN webhook.id AS id
