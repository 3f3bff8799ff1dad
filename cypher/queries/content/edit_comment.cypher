// Its author changes the body of comment $commentId to $body, unless it was deleted. The
// comment must be one the viewer may see (`visible`, on `comment`) or be on a discussion of a
// community the viewer may act on (`known`, on `community`). Outcomes: DONE, NOT_FOUND,
// FORBIDDEN, DELETED.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (comment:Comment {id: $commentId})
OPTIONAL MATCH (comment)-[:ON]->(:Discussion)-[:IN]->(community:Community)
WITH viewer, comment, CASE
  WHEN comment IS NULL OR NOT ({{visible}} OR (community IS NOT NULL AND {{known}}))
    THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(comment) } THEN 'FORBIDDEN'
  WHEN comment.deletedAt IS NOT NULL THEN 'DELETED'
  ELSE 'DONE' END AS outcome
CALL (comment, outcome) {
  WITH comment, outcome
  WHERE outcome = 'DONE'
  SET comment.body = $body
}
RETURN outcome
