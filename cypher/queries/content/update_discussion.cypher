// Its author changes discussion $discussionId: $title and $body, each when not null. The
// discussion must be one the viewer may see (`visible`, on `discussion`): one the viewer may
// not see is NOT_FOUND, as if it did not exist, even in a community the viewer sees (a
// RESERVED one's content is its active members'). Outcomes: DONE, NOT_FOUND, FORBIDDEN.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (discussion:Discussion {id: $discussionId})-[:IN]->(community:Community)
WITH viewer, discussion, CASE
  WHEN discussion IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(discussion) } THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (discussion, outcome) {
  WITH discussion, outcome
  WHERE outcome = 'DONE'
  SET discussion.title = coalesce($title, discussion.title),
      discussion.body = coalesce($body, discussion.body)
}
RETURN outcome
