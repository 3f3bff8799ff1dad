// The viewer expresses interest $interestId in proposal $proposalId, for themselves or on
// behalf of organization $organizationId (the viewer must be a member), and those who answer
// it hear of it: the person who proposed a territorial proposal (INTEREST_RECEIVED); for an
// EEN proposal, which has no proposer on the platform, the facilitators of the region's EEN
// contact point (access/een_follow_up), the author left out (EEN_INTEREST_RECEIVED), and
// nobody while none is configured. At most as many people as $noticeIds holds fresh ids are
// notified, by person id, so a retry writes the same notifications.
// One per person, proposal and organization: the node is merged on $key under a uniqueness
// constraint, so concurrent submissions meet on one node, and every one but the first answers
// ALREADY_DONE (a retry of the first finds its own id and answers DONE). Answers NOT_FOUND
// (the viewer may not see the proposal), ORGANIZATION_NOT_FOUND, FORBIDDEN (not a member of
// the organization), NOT_ALLOWED (the viewer proposed it), INVALID_TRANSITION (the proposal
// takes no interest: not one of $openStatuses, or past its deadline), ALREADY_DONE, else
// DONE. `visible` is the proposal label's visibility rule, on `n`; `proposes` says who speaks
// for its proposer, on `proposal`.
// Events: INTEREST_SUBMITTED (visible as the interest is), NOTIFICATION_CREATED for each
// person notified; none again when a retry finds the interest already made.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (proposal:Proposal {id: $proposalId})
  WHERE any(n IN [proposal] WHERE {{visible}})
OPTIONAL MATCH (organization:Organization {id: $organizationId})
WITH viewer, proposal, organization,
  NOT EXISTS { (:ExpressionOfInterest {id: $interestId}) } AS fresh, CASE
    WHEN proposal IS NULL THEN 'NOT_FOUND'
    WHEN $organizationId IS NOT NULL AND organization IS NULL THEN 'ORGANIZATION_NOT_FOUND'
    WHEN organization IS NOT NULL AND NOT EXISTS { (viewer)-[:MEMBER_OF]->(organization) }
      THEN 'FORBIDDEN'
    WHEN {{proposes}} THEN 'NOT_ALLOWED'
    WHEN NOT proposal.status IN $openStatuses OR proposal.deadline < date()
      THEN 'INVALID_TRANSITION'
    WHEN EXISTS {
        MATCH (viewer)-[:EXPRESSED]->(former:ExpressionOfInterest)-[:FOR]->(proposal)
        WHERE former.id <> $interestId
          AND CASE WHEN organization IS NULL THEN NOT EXISTS { (former)-[:ON_BEHALF_OF]->() }
                   ELSE EXISTS { (former)-[:ON_BEHALF_OF]->(organization) } END
      } THEN 'ALREADY_DONE'
    ELSE 'DONE'
  END AS outcome
OPTIONAL CALL (viewer, proposal, organization, outcome) {
  WITH viewer, proposal, organization
  WHERE outcome = 'DONE'
  MERGE (interest:ExpressionOfInterest {key: $key})
    ON CREATE SET interest.id = $interestId, interest.contribution = $contribution,
                  interest.message = $message, interest.status = 'SUBMITTED',
                  interest.createdAt = datetime()
  WITH viewer, proposal, organization, interest, interest.id = $interestId AS created
  CALL (viewer, proposal, organization, interest, created) {
    WITH viewer, proposal, organization, interest
    WHERE created
    MERGE (viewer)-[:EXPRESSED]->(interest)
    MERGE (interest)-[:FOR]->(proposal)
    FOREACH (speaker IN CASE WHEN organization IS NULL THEN [] ELSE [organization] END |
      MERGE (interest)-[:ON_BEHALF_OF]->(speaker))
    WITH viewer, proposal, interest
    CALL (viewer, proposal) {
      MATCH (proposal)<-[:PROPOSED]-(person:User)
      RETURN person, 'INTEREST_RECEIVED' AS kind
      UNION
      MATCH (:EenContactPoint)-[:HELD_BY]->(:Organization)<-[:MEMBER_OF]-(person:User)
      WHERE proposal.origin = 'EEN' AND person <> viewer
        AND {{rule access/een_follow_up(person)}}
      RETURN person, 'EEN_INTEREST_RECEIVED' AS kind
    }
    WITH interest, person, kind
    ORDER BY person.id
    LIMIT size($noticeIds)
    WITH interest, collect({person: person, kind: kind}) AS recipients
    UNWIND range(0, size(recipients) - 1) AS number
    WITH interest, recipients[number].person AS person, recipients[number].kind AS kind,
         $noticeIds[number] AS noticeId
    MERGE (notice:Notification {id: noticeId})
      ON CREATE SET notice.kind = kind, notice.createdAt = datetime()
    MERGE (notice)-[:FOR]->(person)
    MERGE (notice)-[:ABOUT]->(interest)
    RETURN collect({type: 'NOTIFICATION_CREATED', subjectType: 'Notification',
      subjectId: notice.id, recipientId: person.id,
      payload: {kind: notice.kind, interestId: interest.id}}) AS notices
  }
  RETURN created, notices
}
RETURN CASE WHEN outcome = 'DONE' AND NOT created THEN 'ALREADY_DONE' ELSE outcome END AS outcome,
  CASE WHEN outcome = 'DONE' AND created AND fresh
    THEN [{type: 'INTEREST_SUBMITTED', subjectType: 'ExpressionOfInterest',
           subjectId: $interestId,
           payload: {proposalId: $proposalId, organizationId: $organizationId,
                     status: 'SUBMITTED'}}] + notices
    ELSE [] END AS events
