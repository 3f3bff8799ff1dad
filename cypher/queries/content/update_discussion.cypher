// Its author changes discussion $discussionId: $title and $body, each when not null. The
// discussion must be one the viewer may see (`visible`, on `discussion`): one the viewer may
// not see is NOT_FOUND, as if it did not exist, even in a community the viewer sees (a
// RESERVED one's content is its active members'). Outcomes: DONE, NOT_FOUND, FORBIDDEN. Event:
// DISCUSSION_UPDATED (the names of the fields set, its title), visible as the discussion is.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (discussion:Discussion {id: $discussionId})-[:IN]->(community:Community)
WITH viewer, discussion, community, CASE
  WHEN discussion IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(discussion) } THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (discussion, outcome) {
  WITH discussion, outcome
  WHERE outcome = 'DONE'
  SET discussion.title = coalesce($title, discussion.title),
      discussion.body = coalesce($body, discussion.body)
}
RETURN outcome,
  [{type: 'DISCUSSION_UPDATED', subjectType: 'Discussion', subjectId: $discussionId,
    communityId: community.id,
    payload: {fields: [field IN ['title', 'body'] WHERE {title: $title, body: $body}[field]
                       IS NOT NULL], title: discussion.title}}] AS events
