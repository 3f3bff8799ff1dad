// A manager of community $communityId (`manages`; or a platform admin, `administers`) makes the
// active member $memberId a MANAGER or a PARTICIPANT ($role). A community keeps at least one
// active manager: the write first takes the community's lock (setting and removing a marker
// property), so that concurrent changes count its managers one after the other. Outcomes:
// DONE, NOT_FOUND, FORBIDDEN, NOT_A_MEMBER, INVALID_TRANSITION (not active), LAST_MANAGER;
// with the membership afterwards. Event: COMMUNITY_MEMBERSHIP_CHANGED (the member, new role and
// status), when the role changed, visible to those who may see the community's member list
// (community_content_visible).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
CALL (community) {
  WITH community
  WHERE community IS NOT NULL
  SET community.membershipLock = true
  REMOVE community.membershipLock
}
OPTIONAL MATCH (member:User {id: $memberId})-[existing:MEMBER_OF]->(community)
WITH viewer, community, member, existing,
  COUNT { (community)<-[:MEMBER_OF {role: 'MANAGER', status: 'ACTIVE'}]-(:User) } AS managers
WITH community, existing, existing.role AS formerRole, CASE
  WHEN community IS NULL OR NOT {{known}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{administers}}) THEN 'FORBIDDEN'
  WHEN existing IS NULL THEN 'NOT_A_MEMBER'
  WHEN existing.status <> 'ACTIVE' THEN 'INVALID_TRANSITION'
  WHEN existing.role = 'MANAGER' AND $role <> 'MANAGER' AND managers <= 1 THEN 'LAST_MANAGER'
  ELSE 'DONE' END AS outcome
CALL (existing, outcome) {
  WITH existing, outcome
  WHERE outcome = 'DONE'
  SET existing.role = $role
}
RETURN outcome, existing.role AS role, existing.status AS status,
  CASE WHEN formerRole = existing.role THEN []
  ELSE [{type: 'COMMUNITY_MEMBERSHIP_CHANGED', subjectType: 'Community',
    subjectId: $communityId, communityId: $communityId,
    scopeType: 'CommunityContent', scopeId: $communityId,
    payload: {memberId: $memberId, role: existing.role, status: existing.status}}] END
  AS events
