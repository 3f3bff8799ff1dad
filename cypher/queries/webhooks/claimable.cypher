// The webhooks the dispatcher $owner may take now (`takeable`), but for the ones it works on
// already ($busy): at most $limit, locked until the transaction ends so that `claim` reads
// them as no other transaction can change them. Locked in the order of their ids, the same in
// every dispatcher, so that two never wait for each other.
MATCH (webhook:Webhook)
WHERE {{rule webhooks/takeable(webhook)}} AND NOT webhook.id IN $busy
WITH webhook
ORDER BY webhook.id
LIMIT $limit
SET webhook._lock = true
REMOVE webhook._lock
RETURN webhook.id AS id
