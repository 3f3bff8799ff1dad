// Starts the discussion $discussionId ($title, $body) in community $communityId, open to
// comments, by the viewer: an active member (`member`, on `community`) or a platform admin
// (`administers`) of a community the viewer may act on (`known`). Its latest activity is its
// creation until a comment comes. Outcomes: DONE, NOT_FOUND, FORBIDDEN. Merged by id: a retry
// creates nothing twice. Event: DISCUSSION_CREATED (visible as the discussion is).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
WITH viewer, community, CASE
  WHEN community IS NULL OR NOT {{known}} THEN 'NOT_FOUND'
  WHEN NOT ({{member}} OR {{administers}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (viewer, community, outcome) {
  WITH viewer, community, outcome
  WHERE outcome = 'DONE'
  MERGE (discussion:Discussion {id: $discussionId})
    ON CREATE SET discussion.title = $title, discussion.body = $body,
      discussion.createdAt = datetime(), discussion.lastActivityAt = datetime(),
      discussion.locked = false
  MERGE (viewer)-[:AUTHORED]->(discussion)
  MERGE (discussion)-[:IN]->(community)
}
RETURN outcome, [{type: 'DISCUSSION_CREATED', subjectType: 'Discussion',
  subjectId: $discussionId, communityId: $communityId, payload: {title: $title}}] AS events
