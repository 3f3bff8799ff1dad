// Replaces the URL and filters of the viewer's webhook $webhookId (null filters accept any
// value), renews its secret when $secret is given, and pauses ($enabled false) or resumes it
// ($enabled true: also after it was disabled for failing, counting failures from zero and
// trying again at once; null leaves it as it is). The lease of a process delivering it ends,
// so that the next delivery uses what changed. Outcomes: DONE, NOT_FOUND (no webhook of the
// viewer's), and those of register_webhook for the filters.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (webhook:Webhook {id: $webhookId})
  WHERE {{rule webhooks/webhook_visible(webhook)}}
OPTIONAL MATCH (community:Community {id: $communityId})
OPTIONAL MATCH (project:Project {id: $projectId})
WITH webhook, CASE
  WHEN webhook IS NULL THEN 'NOT_FOUND'
  WHEN $communityId IS NOT NULL
    AND (community IS NULL OR NOT {{rule communities/community_visible(community)}})
    THEN 'UNKNOWN_COMMUNITY'
  WHEN $projectId IS NOT NULL AND project IS NULL THEN 'UNKNOWN_PROJECT'
  WHEN COUNT { MATCH (a:S3Area) WHERE a.id IN $s3Areas } <> size(coalesce($s3Areas, []))
    THEN 'UNKNOWN_AREA'
  WHEN COUNT { MATCH (c:Competence) WHERE c.id IN $competences }
    <> size(coalesce($competences, [])) THEN 'UNKNOWN_COMPETENCE'
  ELSE 'DONE' END AS outcome
CALL (webhook, outcome) {
  WITH webhook
  WHERE outcome = 'DONE'
  SET webhook.url = $url, webhook.secret = coalesce($secret, webhook.secret),
    webhook.eventTypes = $eventTypes, webhook.s3Areas = $s3Areas,
    webhook.competences = $competences, webhook.communityId = $communityId,
    webhook.projectId = $projectId, webhook.enabled = coalesce($enabled, webhook.enabled),
    webhook.failures = CASE WHEN $enabled THEN 0 ELSE webhook.failures END,
    webhook.nextAttemptAt = CASE WHEN $enabled THEN null ELSE webhook.nextAttemptAt END,
    webhook.disabledAt = CASE WHEN $enabled THEN null ELSE webhook.disabledAt END,
    webhook.leaseOwner = null, webhook.leaseUntil = null
}
RETURN outcome
