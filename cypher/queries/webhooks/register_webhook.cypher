// Registers the webhook $webhookId of the viewer: deliveries to $url signed with $secret, of
// the events after the log's current end that match its filters ($eventTypes, $s3Areas,
// $competences, $communityId, $projectId; null accepts any value). The viewer is locked first,
// so that concurrent registrations are counted one after the other. Outcomes: DONE; TOO_MANY
// (the viewer has $limit already); UNKNOWN_COMMUNITY (none the viewer may see),
// UNKNOWN_PROJECT, UNKNOWN_AREA, UNKNOWN_COMPETENCE.
// Merged by id: a retry creates nothing twice. No event: a webhook concerns its owner alone.
MATCH (viewer:User {id: $viewerId})
SET viewer._lock = true
REMOVE viewer._lock
WITH viewer
MATCH (sequence:EventSequence {id: 'events'})
OPTIONAL MATCH (community:Community {id: $communityId})
OPTIONAL MATCH (project:Project {id: $projectId})
WITH viewer, sequence, CASE
  WHEN NOT EXISTS { (viewer)<-[:OWNED_BY]-(:Webhook {id: $webhookId}) }
    AND COUNT { (viewer)<-[:OWNED_BY]-(:Webhook) } >= $limit THEN 'TOO_MANY'
  WHEN $communityId IS NOT NULL
    AND (community IS NULL OR NOT {{rule communities/community_visible(community)}})
    THEN 'UNKNOWN_COMMUNITY'
  WHEN $projectId IS NOT NULL AND project IS NULL THEN 'UNKNOWN_PROJECT'
  WHEN COUNT { MATCH (a:S3Area) WHERE a.id IN $s3Areas } <> size(coalesce($s3Areas, []))
    THEN 'UNKNOWN_AREA'
  WHEN COUNT { MATCH (c:Competence) WHERE c.id IN $competences }
    <> size(coalesce($competences, [])) THEN 'UNKNOWN_COMPETENCE'
  ELSE 'DONE' END AS outcome
CALL (viewer, sequence, outcome) {
  WITH viewer, sequence
  WHERE outcome = 'DONE'
  MERGE (webhook:Webhook {id: $webhookId})
    ON CREATE SET webhook.url = $url, webhook.secret = $secret, webhook.eventTypes = $eventTypes,
      webhook.s3Areas = $s3Areas, webhook.competences = $competences,
      webhook.communityId = $communityId, webhook.projectId = $projectId,
      webhook.enabled = true, webhook.cursor = sequence.seq, webhook.failures = 0,
      webhook.createdAt = datetime()
  MERGE (webhook)-[:OWNED_BY]->(viewer)
}
RETURN outcome
