// Deletes comment $commentId: its author, the managers of the community of the discussion it is
// on (`manages`, on `community`) and facilitators (`facilitates`, platform admins included)
// may. A deleted comment keeps its place in the thread, and its replies: it is marked with
// `deletedAt` (once; a retry changes nothing) and the API shows no body. Visibility as in
// edit_comment. Outcomes: DONE, NOT_FOUND, FORBIDDEN. Event: COMMENT_DELETED (in the community
// of a discussion), when it was not deleted yet, visible as the comment is (it stays in its
// thread).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (comment:Comment {id: $commentId})
OPTIONAL MATCH (comment)-[:ON]->(:Discussion)-[:IN]->(community:Community)
WITH viewer, comment, community, comment.deletedAt IS NULL AS fresh, CASE
  WHEN comment IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT (EXISTS { (viewer)-[:AUTHORED]->(comment) } OR {{facilitates}}
            OR (community IS NOT NULL AND {{manages}})) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (comment, outcome) {
  WITH comment, outcome
  WHERE outcome = 'DONE'
  SET comment.deletedAt = coalesce(comment.deletedAt, datetime())
}
RETURN outcome,
  CASE WHEN fresh THEN [{type: 'COMMENT_DELETED', subjectType: 'Comment', subjectId: $commentId,
    communityId: community.id}] ELSE [] END AS events
