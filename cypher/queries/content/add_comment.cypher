// The viewer comments ($commentId, $body) on the node `subject` of `label` (Discussion, News or
// Proposal) with id $subjectId, answering the comment $replyToId on the same subject when it
// is given. The code fills, for the label: `found` (the viewer may see the subject), `writer`
// (the viewer may write there: an active member of a discussion's community; anyone signed in
// on news and proposals), `open` (it takes comments: a discussion not locked, a PUBLISHED
// proposal). A discussion's latest activity becomes the comment's time (after creating the
// comment, whose relationship locks the discussion, so concurrent comments never move it
// back). The author of the comment answered, or else of the subject, gets a COMMENT_ADDED
// notification ($notificationId) about the new comment, unless that is the viewer. Outcomes:
// DONE, NOT_FOUND, FORBIDDEN, CLOSED_SUBJECT, NOT_ON_SUBJECT. Created once: a retry after a
// commit creates nothing twice. Events, when the comment is new: COMMENT_CREATED (what it is
// on and answers; in the community of a discussion), visible as the comment is; and
// NOTIFICATION_CREATED for the person notified, if any.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (subject:{{label}} {id: $subjectId})
OPTIONAL MATCH (answered:Comment {id: $replyToId})-[:ON]->(subject)
WITH viewer, subject, answered, NOT EXISTS { (:Comment {id: $commentId}) } AS fresh, CASE
  WHEN subject IS NULL OR NOT ({{found}}) THEN 'NOT_FOUND'
  WHEN NOT ({{writer}}) THEN 'FORBIDDEN'
  WHEN NOT ({{open}}) THEN 'CLOSED_SUBJECT'
  WHEN $replyToId IS NOT NULL AND answered IS NULL THEN 'NOT_ON_SUBJECT'
  ELSE 'DONE' END AS outcome
CALL (viewer, subject, answered, outcome, fresh) {
  WITH viewer, subject, answered, outcome, fresh
  WHERE outcome = 'DONE' AND fresh
  CREATE (viewer)-[:AUTHORED]->(comment:Comment {id: $commentId, body: $body,
                                                 createdAt: datetime()})-[:ON]->(subject)
  FOREACH (parent IN CASE WHEN answered IS NULL THEN [] ELSE [answered] END |
    CREATE (comment)-[:REPLY_TO]->(parent))
  FOREACH (discussion IN CASE WHEN subject:Discussion THEN [subject] ELSE [] END |
    SET discussion.lastActivityAt = CASE
      WHEN discussion.lastActivityAt >= comment.createdAt THEN discussion.lastActivityAt
      ELSE comment.createdAt END)
  WITH viewer, comment, coalesce(answered, subject) AS target
  CALL (viewer, comment, target) {
    MATCH (recipient:User)-[:AUTHORED|PROPOSED]->(target)
    WHERE recipient <> viewer
    WITH recipient LIMIT 1
    CREATE (note:Notification {id: $notificationId, kind: 'COMMENT_ADDED',
                               createdAt: comment.createdAt})-[:FOR]->(recipient)
    CREATE (note)-[:ABOUT]->(comment)
  }
}
OPTIONAL MATCH (subject)-[:IN]->(community:Community)
OPTIONAL MATCH (note:Notification {id: $notificationId})-[:FOR]->(recipient:User)
RETURN outcome,
  CASE WHEN fresh THEN [{type: 'COMMENT_CREATED', subjectType: 'Comment', subjectId: $commentId,
    communityId: community.id,
    payload: {onType: '{{label}}', onId: $subjectId, replyToId: $replyToId}}]
    + [person IN CASE WHEN recipient IS NULL THEN [] ELSE [recipient] END |
       {type: 'NOTIFICATION_CREATED', subjectType: 'Notification', subjectId: $notificationId,
        recipientId: person.id, communityId: community.id,
        payload: {kind: 'COMMENT_ADDED', commentId: $commentId}}]
  ELSE [] END AS events
