// Leases the webhooks $webhookIds (locked by `claimable` in this transaction) that may still be
// taken to the dispatcher $owner for $leaseSeconds, and returns what delivering to them
// needs: the URL, secret, place in the log, filters and owner.
UNWIND $webhookIds AS id
MATCH (webhook:Webhook {id: id})-[:OWNED_BY]->(owner:User)
WHERE {{rule webhooks/takeable(webhook)}}
SET webhook.leaseOwner = $owner,
  webhook.leaseUntil = datetime() + duration({milliseconds: $leaseMilliseconds})
RETURN webhook {.id, .url, .secret, .cursor, .eventTypes, .s3Areas, .competences,
  .communityId, .projectId, ownerId: owner.id} AS webhook
