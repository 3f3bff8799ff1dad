// Locks discussion $discussionId ($locked true: it takes no more comments) or opens it again:
// the managers of its community (`manages`, on `community`) and facilitators (`facilitates`,
// platform admins included) may. Visibility as in update_discussion. Outcomes: DONE,
// NOT_FOUND, FORBIDDEN. Event: DISCUSSION_UPDATED (`locked`, whether it is now, its title),
// when it changed, visible as the discussion is.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (discussion:Discussion {id: $discussionId})-[:IN]->(community:Community)
WITH viewer, discussion, community,
  coalesce(discussion.locked, false) <> $locked AS changing, CASE
  WHEN discussion IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{facilitates}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (discussion, outcome) {
  WITH discussion, outcome
  WHERE outcome = 'DONE'
  SET discussion.locked = $locked
}
RETURN outcome,
  CASE WHEN changing THEN [{type: 'DISCUSSION_UPDATED', subjectType: 'Discussion',
    subjectId: $discussionId, communityId: community.id,
    payload: {fields: ['locked'], locked: $locked, title: discussion.title}}] ELSE [] END
  AS events
