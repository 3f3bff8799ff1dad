// Moves the cursor of the webhook $webhookId (locked before in this transaction) forward to
// $cursor, past events it does not deliver, and renews the lease of the dispatcher $owner for
// $leaseMilliseconds: only while that dispatcher holds it. No record when it does not (the
// webhook was changed, replayed, paused or deleted meanwhile): the dispatcher stops.
MATCH (webhook:Webhook {id: $webhookId})
WHERE webhook.leaseOwner = $owner AND webhook.enabled
SET webhook.cursor = CASE WHEN $cursor > webhook.cursor THEN $cursor ELSE webhook.cursor END,
  webhook.leaseUntil = datetime() + duration({milliseconds: $leaseMilliseconds})
RETURN webhook.cursor AS cursor
