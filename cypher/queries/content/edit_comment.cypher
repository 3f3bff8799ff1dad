// Its author changes the body of comment $commentId to $body, unless it was deleted. The
// comment must be one the viewer may see (`visible`, on `comment`): one the viewer may not see
// is NOT_FOUND, as if it did not exist. Outcomes: DONE, NOT_FOUND, FORBIDDEN, DELETED. Event:
// COMMENT_EDITED (in the community of a discussion), visible as the comment is.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (comment:Comment {id: $commentId})
OPTIONAL MATCH (comment)-[:ON]->(:Discussion)-[:IN]->(community:Community)
WITH viewer, comment, community, CASE
  WHEN comment IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(comment) } THEN 'FORBIDDEN'
  WHEN comment.deletedAt IS NOT NULL THEN 'DELETED'
  ELSE 'DONE' END AS outcome
CALL (comment, outcome) {
  WITH comment, outcome
  WHERE outcome = 'DONE'
  SET comment.body = $body
}
RETURN outcome,
  [{type: 'COMMENT_EDITED', subjectType: 'Comment', subjectId: $commentId,
    communityId: community.id, payload: {fields: ['body']}}] AS events
