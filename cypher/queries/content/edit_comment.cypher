// Its author changes the body of comment $commentId to $body, unless it was deleted. The
// comment must be one the viewer may see (`visible`, on `comment`): one the viewer may not see
// is NOT_FOUND, as if it did not exist. Outcomes: DONE, NOT_FOUND, FORBIDDEN, DELETED.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (comment:Comment {id: $commentId})
WITH viewer, comment, CASE
  WHEN comment IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(comment) } THEN 'FORBIDDEN'
  WHEN comment.deletedAt IS NOT NULL THEN 'DELETED'
  ELSE 'DONE' END AS outcome
CALL (comment, outcome) {
  WITH comment, outcome
  WHERE outcome = 'DONE'
  SET comment.body = $body
}
RETURN outcome
