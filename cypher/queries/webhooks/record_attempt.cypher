// Records an attempt to deliver the event $seq ($eventType) to the webhook $webhookId (locked
// before in this transaction) as its delivery $deliveryId, by the dispatcher $owner: only
// while that dispatcher holds the lease (no record otherwise: the webhook was changed,
// replayed, paused or deleted meanwhile, and the attempt is forgotten). Each attempt sets the
// delivery's status, attempts, last status code ($statusCode, null without an answer) and
// last error ($error, null when $delivered).
// Delivered: the cursor moves to $seq, failures count from zero, the lease is renewed for
// $leaseMilliseconds. Failed: one consecutive failure more; the next attempt waits
// $baseSeconds doubled for each failure before it, at most $maxSeconds, and the lease ends
// (any process may retry); at $maxFailures the webhook is disabled and the delivery FAILED.
// Returns outcome DELIVERED, RETRY (with `wait`, in seconds) or DISABLED.
MATCH (webhook:Webhook {id: $webhookId})
WHERE webhook.leaseOwner = $owner
MERGE (delivery:WebhookDelivery {id: $deliveryId})
  ON CREATE SET delivery.seq = $seq, delivery.eventType = $eventType, delivery.attempts = 0,
    delivery.createdAt = datetime()
MERGE (delivery)-[:FOR]->(webhook)
WITH webhook, delivery, CASE WHEN $delivered THEN 0 ELSE webhook.failures + 1 END AS failures
WITH webhook, delivery, failures, $baseSeconds * 2.0 ^ (failures - 1) AS doubled
WITH webhook, delivery, failures,
  CASE
    WHEN $delivered THEN 'DELIVERED'
    WHEN failures >= $maxFailures THEN 'DISABLED'
    ELSE 'RETRY'
  END AS outcome,
  CASE WHEN doubled < $maxSeconds THEN doubled ELSE $maxSeconds END AS wait
SET delivery.attempts = delivery.attempts + 1, delivery.lastAttemptAt = datetime(),
  delivery.lastStatusCode = $statusCode, delivery.lastError = $error,
  delivery.status = CASE outcome
    WHEN 'DELIVERED' THEN 'DELIVERED' WHEN 'DISABLED' THEN 'FAILED' ELSE 'PENDING' END,
  delivery.deliveredAt = CASE WHEN $delivered THEN datetime() ELSE delivery.deliveredAt END,
  webhook.failures = failures,
  webhook.cursor = CASE WHEN $delivered AND $seq > webhook.cursor THEN $seq
    ELSE webhook.cursor END,
  webhook.nextAttemptAt = CASE outcome
    WHEN 'RETRY' THEN datetime() + duration({milliseconds: toInteger(wait * 1000)}) END,
  webhook.enabled = outcome <> 'DISABLED',
  webhook.disabledAt = CASE outcome WHEN 'DISABLED' THEN datetime() END,
  webhook.leaseOwner = CASE outcome WHEN 'DELIVERED' THEN $owner END,
  webhook.leaseUntil = CASE outcome
    WHEN 'DELIVERED' THEN datetime() + duration({milliseconds: $leaseMilliseconds}) END
RETURN outcome, CASE outcome WHEN 'RETRY' THEN wait END AS wait
