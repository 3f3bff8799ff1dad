// Locks discussion $discussionId ($locked true: it takes no more comments) or opens it again:
// the managers of its community (`manages`, on `community`) and facilitators (`facilitates`,
// platform admins included) may. Visibility as in update_discussion. Outcomes: DONE,
// NOT_FOUND, FORBIDDEN.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (discussion:Discussion {id: $discussionId})-[:IN]->(community:Community)
WITH viewer, discussion, CASE
  WHEN discussion IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{facilitates}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (discussion, outcome) {
  WITH discussion, outcome
  WHERE outcome = 'DONE'
  SET discussion.locked = $locked
}
RETURN outcome
