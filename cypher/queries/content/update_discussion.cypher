// Its author changes discussion $discussionId: $title and $body, each when not null. The
// discussion must be one the viewer may see (`visible`, on `discussion`) or be held in a
// community the viewer may act on (`known`, on `community`). Outcomes: DONE, NOT_FOUND,
// FORBIDDEN.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (discussion:Discussion {id: $discussionId})-[:IN]->(community:Community)
WITH viewer, discussion, CASE
  WHEN discussion IS NULL OR NOT ({{visible}} OR {{known}}) THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(discussion) } THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (discussion, outcome) {
  WITH discussion, outcome
  WHERE outcome = 'DONE'
  SET discussion.title = coalesce($title, discussion.title),
      discussion.body = coalesce($body, discussion.body)
}
RETURN outcome
