// The viewer leaves community $communityId: their membership goes (an active one, a pending
// request, or an invitation declined). Nothing changes when they have none, or when the
// managers rejected them (the decision stays on record). The last active manager cannot leave:
// the write first takes the community's lock (setting and removing a marker property), so that
// concurrent departures count its managers one after the other. Outcomes: DONE, NOT_FOUND,
// LAST_MANAGER; with the membership afterwards. Event: COMMUNITY_MEMBERSHIP_CHANGED (the
// member, status NONE) when a membership went: visible to those who may see the community's
// member list (community_content_visible) when it was active, else (a pending one) to those
// who manage the community.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
CALL (community) {
  WITH community
  WHERE community IS NOT NULL
  SET community.membershipLock = true
  REMOVE community.membershipLock
}
OPTIONAL MATCH (viewer)-[existing:MEMBER_OF]->(community)
WITH viewer, community, existing,
  COUNT { (community)<-[:MEMBER_OF {role: 'MANAGER', status: 'ACTIVE'}]-(:User) } AS managers
WITH viewer, community, existing, existing.status AS before, CASE
  WHEN community IS NULL OR NOT ({{known}} OR existing IS NOT NULL) THEN 'NOT_FOUND'
  WHEN existing.role = 'MANAGER' AND existing.status = 'ACTIVE' AND managers <= 1
    THEN 'LAST_MANAGER'
  ELSE 'DONE' END AS outcome
CALL (existing, outcome) {
  WITH existing, outcome
  WHERE outcome = 'DONE' AND existing.status <> 'REJECTED'
  DELETE existing
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
