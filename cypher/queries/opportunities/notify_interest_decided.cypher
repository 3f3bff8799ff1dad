// Effect of deciding expression of interest `subject` (a fragment of change_status): an
// INTEREST_DECIDED notification for its author, with the id $noticeIds[0].
WITH subject
MATCH (subject)<-[:EXPRESSED]-(author:User)
MERGE (notice:Notification {id: $noticeIds[0]})
  ON CREATE SET notice.kind = 'INTEREST_DECIDED', notice.createdAt = datetime()
MERGE (notice)-[:FOR]->(author)
MERGE (notice)-[:ABOUT]->(subject)
