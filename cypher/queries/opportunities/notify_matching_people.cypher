// Effect of publishing proposal `subject` (a fragment of change_status): PROPOSAL_PUBLISHED
// notifications for the people it may concern, in the same transaction. A person matches
// through an interest in one of its S3 areas, or an interest in or a skill of a competence it
// seeks or a narrower one; the more ways a person matches, the better the match. Its author is
// left out. At most as many people as $noticeIds holds fresh ids are notified, the best
// matches first (ties by id); a retry writes the same notifications with the same ids.
// Events: one NOTIFICATION_CREATED per notification, for its person.
WITH subject
CALL (subject) {
  MATCH (subject)-[:TAGGED]->(:S3Area)<-[:INTERESTED_IN]-(person:User)
  RETURN person
  UNION ALL
  MATCH (subject)-[:SEEKS]->(:Competence)<-[:BROADER*0..]-(:Competence)
        <-[:INTERESTED_IN|HAS_SKILL]-(person:User)
  RETURN person
}
WITH subject, person, count(*) AS strength
WHERE NOT (person)-[:PROPOSED]->(subject)
ORDER BY strength DESC, person.id
LIMIT size($noticeIds)
WITH subject, collect(person) AS people
UNWIND range(0, size(people) - 1) AS number
MERGE (notice:Notification {id: $noticeIds[number]})
  ON CREATE SET notice.kind = 'PROPOSAL_PUBLISHED', notice.createdAt = datetime()
WITH subject, notice, people[number] AS person
MERGE (notice)-[:FOR]->(person)
MERGE (notice)-[:ABOUT]->(subject)
RETURN collect({type: 'NOTIFICATION_CREATED', subjectType: 'Notification',
  subjectId: notice.id, recipientId: person.id,
  payload: {kind: notice.kind, proposalId: subject.id}}) AS notices
