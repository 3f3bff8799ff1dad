// Effect of sending proposal `subject` back to its author (a fragment of change_status): a
// PROPOSAL_SENT_BACK notification for the author, with the id $noticeIds[0].
WITH subject
MATCH (subject)<-[:PROPOSED]-(author:User)
MERGE (notice:Notification {id: $noticeIds[0]})
  ON CREATE SET notice.kind = 'PROPOSAL_SENT_BACK', notice.createdAt = datetime()
MERGE (notice)-[:FOR]->(author)
MERGE (notice)-[:ABOUT]->(subject)
