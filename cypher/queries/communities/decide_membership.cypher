// A manager of community $communityId (`manages`; or a platform admin, `administers`) accepts
// ($accept true: ACTIVE) or rejects (REJECTED) the request of $memberId to join, and the
// requester gets a MEMBERSHIP_DECIDED notification ($notificationId) about the community. A
// decision already taken the same way changes nothing (a retry). Outcomes: DONE, NOT_FOUND,
// FORBIDDEN, NOT_A_MEMBER (no request), INVALID_TRANSITION (not a pending request); with the
// membership afterwards. Events, when the request was pending: COMMUNITY_MEMBERSHIP_CHANGED
// (the member, role and status), visible to those who may see the community's member list
// (community_content_visible) when accepted, else to those who manage the community; and
// NOTIFICATION_CREATED for the person.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
OPTIONAL MATCH (member:User {id: $memberId})-[existing:MEMBER_OF]->(community)
WITH viewer, community, member, existing,
  CASE WHEN $accept THEN 'ACTIVE' ELSE 'REJECTED' END AS decided
WITH community, member, existing, existing.status AS before, decided, CASE
  WHEN community IS NULL OR NOT {{known}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{administers}}) THEN 'FORBIDDEN'
  WHEN existing IS NULL THEN 'NOT_A_MEMBER'
  WHEN existing.status IN ['REQUESTED', decided] THEN 'DONE'
  ELSE 'INVALID_TRANSITION' END AS outcome
CALL (community, member, existing, decided, outcome) {
  WITH community, member, existing, decided, outcome
  WHERE outcome = 'DONE' AND existing.status = 'REQUESTED'
  SET existing.status = decided,
      existing.since = CASE WHEN decided = 'ACTIVE' THEN date() ELSE existing.since END
  MERGE (note:Notification {id: $notificationId})
    ON CREATE SET note.kind = 'MEMBERSHIP_DECIDED', note.createdAt = datetime()
  MERGE (note)-[:FOR]->(member)
  MERGE (note)-[:ABOUT]->(community)
}
RETURN outcome, existing.role AS role, existing.status AS status,
  CASE WHEN before = 'REQUESTED'
  THEN [{type: 'COMMUNITY_MEMBERSHIP_CHANGED', subjectType: 'Community',
    subjectId: $communityId, communityId: $communityId,
    scopeType: CASE WHEN existing.status = 'ACTIVE'
      THEN 'CommunityContent' ELSE 'CommunityManagement' END,
    scopeId: $communityId,
    payload: {memberId: $memberId, role: existing.role, status: existing.status}}]
    + [{type: 'NOTIFICATION_CREATED', subjectType: 'Notification',
      subjectId: $notificationId, recipientId: $memberId, communityId: $communityId,
      payload: {kind: 'MEMBERSHIP_DECIDED', communityId: $communityId}}]
  ELSE [] END AS events
