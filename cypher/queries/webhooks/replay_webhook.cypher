// Moves the cursor of the viewer's webhook $webhookId to $after, so that the events after it
// that match are delivered again (a delivery keeps its id, for receivers to recognise it), and
// enables it again with no failures counted and nothing to wait for. The lease of a process
// delivering it ends: it stops, and the next delivery starts from the new cursor. Outcomes:
// DONE, NOT_FOUND (no webhook of the viewer's), OUT_OF_RANGE ($after beyond the log's end).
MATCH (viewer:User {id: $viewerId})
MATCH (sequence:EventSequence {id: 'events'})
OPTIONAL MATCH (webhook:Webhook {id: $webhookId})
  WHERE {{rule webhooks/webhook_visible(webhook)}}
WITH webhook, CASE
  WHEN webhook IS NULL THEN 'NOT_FOUND'
  WHEN $after > sequence.seq THEN 'OUT_OF_RANGE'
  ELSE 'DONE' END AS outcome
CALL (webhook, outcome) {
  WITH webhook
  WHERE outcome = 'DONE'
  SET webhook.cursor = $after, webhook.enabled = true, webhook.failures = 0,
    webhook.nextAttemptAt = null, webhook.disabledAt = null, webhook.leaseOwner = null,
    webhook.leaseUntil = null
}
RETURN outcome
