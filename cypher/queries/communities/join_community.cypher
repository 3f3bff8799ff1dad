// The viewer joins community $communityId: an OPEN one as an active participant, a RESERVED one
// by asking to (REQUESTED, until a manager decides), a CLOSED one only by accepting an
// invitation (INVITED becomes ACTIVE). Joining again changes nothing; a person the managers
// rejected cannot ask again. A RESERVED community is found even when its content is hidden:
// one asks to join it (`known`, on `community`). MERGE keeps one membership however many
// requests arrive at once. Outcomes: DONE, NOT_FOUND, NOT_ALLOWED (CLOSED, not invited),
// INVALID_TRANSITION (rejected); with the membership afterwards. Event:
// COMMUNITY_MEMBERSHIP_CHANGED (the member, role and status), when the status changed,
// visible to those who may see the community's member list (community_content_visible) when an
// active membership is concerned, else (a pending one) to those who manage the community.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
OPTIONAL MATCH (viewer)-[existing:MEMBER_OF]->(community)
WITH viewer, community, existing.status AS before, CASE
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
RETURN outcome, membership.role AS role, membership.status AS status,
  CASE WHEN coalesce(before, 'NONE') = coalesce(membership.status, 'NONE') THEN []
  ELSE [{type: 'COMMUNITY_MEMBERSHIP_CHANGED', subjectType: 'Community',
    subjectId: $communityId, communityId: $communityId,
    scopeType: CASE WHEN before = 'ACTIVE' OR membership.status = 'ACTIVE'
      THEN 'CommunityContent' ELSE 'CommunityManagement' END,
    scopeId: $communityId,
    payload: {memberId: $memberId, role: membership.role,
              status: coalesce(membership.status, 'NONE')}}] END AS events
