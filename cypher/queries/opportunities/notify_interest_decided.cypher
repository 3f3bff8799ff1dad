// Effect of deciding expression of interest `subject` (a fragment of change_status): an
// INTEREST_DECIDED notification for its author, with the id $noticeIds[0]. Event:
// NOTIFICATION_CREATED for the author.
WITH subject
MATCH (subject)<-[:EXPRESSED]-(author:User)
MERGE (notice:Notification {id: $noticeIds[0]})
  ON CREATE SET notice.kind = 'INTEREST_DECIDED', notice.createdAt = datetime()
MERGE (notice)-[:FOR]->(author)
MERGE (notice)-[:ABOUT]->(subject)
RETURN collect({type: 'NOTIFICATION_CREATED', subjectType: 'Notification',
  subjectId: notice.id, recipientId: author.id,
  payload: {kind: notice.kind, interestId: subject.id}}) AS notices
