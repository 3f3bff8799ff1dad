// The events after seq $after, in order, at most $limit of them: a page of the log for a
// subscriber catching up, the hub following it, or a webhook's deliveries.
MATCH (event:Event)
WHERE event.seq > $after
RETURN event {.seq, .type, .at, .actorId, .subjectType, .subjectId, .scopeType, .scopeId,
  .recipientId, .communityId, .projectId, .s3Areas, .competences, .payload} AS event
ORDER BY event.seq
LIMIT $limit
