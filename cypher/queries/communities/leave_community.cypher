// The viewer leaves community $communityId: their membership goes (an active one, a pending
// request, or an invitation declined). Nothing changes when they have none, or when the
// managers rejected them (the decision stays on record). The last active manager cannot leave:
// the write first takes the community's lock (setting and removing a marker property), so that
// concurrent departures count its managers one after the other. Outcomes: DONE, NOT_FOUND,
// LAST_MANAGER; with the membership afterwards.
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
WITH viewer, community, existing, CASE
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
RETURN outcome, membership.role AS role, membership.status AS status
