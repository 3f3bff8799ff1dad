// Effect of sending proposal `subject` back to its author (a fragment of change_status): a
// PROPOSAL_SENT_BACK notification for the author, with the id $noticeIds[0]. Event:
// NOTIFICATION_CREATED for the author.
WITH subject
MATCH (subject)<-[:PROPOSED]-(author:User)
MERGE (notice:Notification {id: $noticeIds[0]})
  ON CREATE SET notice.kind = 'PROPOSAL_SENT_BACK', notice.createdAt = datetime()
MERGE (notice)-[:FOR]->(author)
MERGE (notice)-[:ABOUT]->(subject)
RETURN collect({type: 'NOTIFICATION_CREATED', subjectType: 'Notification',
  subjectId: notice.id, recipientId: author.id,
  payload: {kind: notice.kind, proposalId: subject.id}}) AS notices
