// A manager of community $communityId (`manages`; or a platform admin, `administers`) removes
// the membership of $memberId, whatever its status (a removed person may ask again). The last
// active manager cannot be removed: the write first takes the community's lock (setting and
// removing a marker property), so that concurrent removals count its managers one after the
// other. Outcomes: DONE, NOT_FOUND, FORBIDDEN, NOT_A_MEMBER, LAST_MANAGER; with the
// membership afterwards (none). Event: COMMUNITY_MEMBERSHIP_CHANGED (the member, status NONE),
// visible to those who may see the community's member list (community_content_visible) when
// the membership was active, else (a pending one) to those who manage the community.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
CALL (community) {
  WITH community
  WHERE community IS NOT NULL
  SET community.membershipLock = true
  REMOVE community.membershipLock
}
OPTIONAL MATCH (member:User {id: $memberId})-[existing:MEMBER_OF]->(community)
WITH viewer, community, existing,
  COUNT { (community)<-[:MEMBER_OF {role: 'MANAGER', status: 'ACTIVE'}]-(:User) } AS managers
WITH community, existing, existing.status AS before, CASE
  WHEN community IS NULL OR NOT {{known}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{administers}}) THEN 'FORBIDDEN'
  WHEN existing IS NULL THEN 'NOT_A_MEMBER'
  WHEN existing.role = 'MANAGER' AND existing.status = 'ACTIVE' AND managers <= 1
    THEN 'LAST_MANAGER'
  ELSE 'DONE' END AS outcome
CALL (existing, outcome) {
  WITH existing, outcome
  WHERE outcome = 'DONE'
  DELETE existing
}
RETURN outcome, null AS role, null AS status,
  [{type: 'COMMUNITY_MEMBERSHIP_CHANGED', subjectType: 'Community',
    subjectId: $communityId, communityId: $communityId,
    scopeType: CASE WHEN before = 'ACTIVE' THEN 'CommunityContent' ELSE 'CommunityManagement' END,
    scopeId: $communityId, payload: {memberId: $memberId, role: null, status: 'NONE'}}]
  AS events
