// The viewer joins community $communityId: an OPEN one as an active participant, a RESERVED one
// by asking to (REQUESTED, until a manager decides), a CLOSED one only by accepting an
// invitation (INVITED becomes ACTIVE). Joining again changes nothing; a person the managers
// rejected cannot ask again. A RESERVED community is found even when its content is hidden:
// one asks to join it (`known`, on `community`). MERGE keeps one membership however many
// requests arrive at once. Outcomes: DONE, NOT_FOUND, NOT_ALLOWED (CLOSED, not invited),
// INVALID_TRANSITION (rejected); with the membership afterwards.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
OPTIONAL MATCH (viewer)-[existing:MEMBER_OF]->(community)
WITH viewer, community, CASE
  WHEN community IS NULL OR NOT ({{known}} OR community.access = 'RESERVED') THEN 'NOT_FOUND'
  WHEN existing.status = 'REJECTED' THEN 'INVALID_TRANSITION'
  WHEN existing IS NULL AND community.access = 'CLOSED' THEN 'NOT_ALLOWED'
  ELSE 'DONE' END AS outcome
CALL (viewer, community, outcome) {
  WITH viewer, community, outcome
  WHERE outcome = 'DONE'
  MERGE (viewer)-[membership:MEMBER_OF]->(community)
    ON CREATE SET membership.role = 'PARTICIPANT',
      membership.status = CASE community.access WHEN 'OPEN' THEN 'ACTIVE' ELSE 'REQUESTED' END,
      membership.since = date()
  WITH community, membership
  WHERE membership.status = 'INVITED'
     OR (membership.status = 'REQUESTED' AND community.access = 'OPEN')
  SET membership.status = 'ACTIVE', membership.since = date()
}
OPTIONAL MATCH (viewer)-[membership:MEMBER_OF]->(community)
RETURN outcome, membership.role AS role, membership.status AS status
