// A manager of community $communityId (`manages`; or a platform admin, `administers`) invites
// the person $memberId: their membership becomes INVITED (a rejected request may be followed by
// an invitation) and they get a COMMUNITY_INVITATION notification ($notificationId) about the
// community. Inviting an invited person again changes nothing. Outcomes: DONE, NOT_FOUND,
// FORBIDDEN, UNKNOWN_MEMBER, ALREADY_DONE (an active member), INVALID_TRANSITION (they asked
// to join: their request awaits a decision); with the membership afterwards. Events, when the
// person was not invited yet: COMMUNITY_MEMBERSHIP_CHANGED (the member, role and status
// INVITED), visible to those who manage the community; and NOTIFICATION_CREATED for the person.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
OPTIONAL MATCH (member:User {id: $memberId})
OPTIONAL MATCH (member)-[existing:MEMBER_OF]->(community)
WITH viewer, community, member, existing, existing.status AS before, CASE
  WHEN community IS NULL OR NOT {{known}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{administers}}) THEN 'FORBIDDEN'
  WHEN member IS NULL THEN 'UNKNOWN_MEMBER'
  WHEN existing.status = 'ACTIVE' THEN 'ALREADY_DONE'
  WHEN existing.status = 'REQUESTED' THEN 'INVALID_TRANSITION'
  ELSE 'DONE' END AS outcome
CALL (community, member, existing, outcome) {
  WITH community, member, existing, outcome
  WHERE outcome = 'DONE' AND coalesce(existing.status, 'NONE') <> 'INVITED'
  MERGE (member)-[membership:MEMBER_OF]->(community)
    ON CREATE SET membership.role = 'PARTICIPANT', membership.since = date()
  SET membership.status = 'INVITED'
  MERGE (note:Notification {id: $notificationId})
    ON CREATE SET note.kind = 'COMMUNITY_INVITATION', note.createdAt = datetime()
  MERGE (note)-[:FOR]->(member)
  MERGE (note)-[:ABOUT]->(community)
}
OPTIONAL MATCH (member)-[membership:MEMBER_OF]->(community)
RETURN outcome, membership.role AS role, membership.status AS status,
  CASE WHEN before = 'INVITED' THEN []
  ELSE [{type: 'COMMUNITY_MEMBERSHIP_CHANGED', subjectType: 'Community',
    subjectId: $communityId, communityId: $communityId,
    scopeType: 'CommunityManagement', scopeId: $communityId,
    payload: {memberId: $memberId, role: membership.role, status: membership.status}}]
    + [{type: 'NOTIFICATION_CREATED', subjectType: 'Notification',
      subjectId: $notificationId, recipientId: $memberId, communityId: $communityId,
      payload: {kind: 'COMMUNITY_INVITATION', communityId: $communityId}}] END AS events
