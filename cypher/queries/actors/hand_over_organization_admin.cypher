// An admin of the organization $organizationId (`administers`, on `organization`) makes the
// active member $personId an admin too, and steps down to member when $stepDown: the
// organization keeps an admin, the person. The organization is locked first, so that
// concurrent changes of its memberships see each other. `visible`, `person_visible` and
// `administers` are filled by the code (schema/actors/membership_mutations.py). Event:
// ORGANIZATION_MEMBERSHIP_CHANGED (the person, now an admin, and whether the viewer stepped
// down), visible as the organization is (the members and their roles are public).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:Organization {id: $organizationId})
  WHERE {{visible}}
WITH viewer, n AS organization
OPTIONAL MATCH (n:User {id: $personId})
  WHERE {{person_visible}}
WITH viewer, organization, n AS person
CALL (organization) {
  WITH organization WHERE organization IS NOT NULL
  SET organization._lock = true
  REMOVE organization._lock
}
WITH viewer, organization, person, organization IS NOT NULL AND {{administers}} AS allowed
OPTIONAL MATCH (person)-[membership:MEMBER_OF]->(organization)
WITH viewer, organization, person, allowed, membership,
     membership.role = 'ADMIN' AND NOT $stepDown AS alreadyAdmin
WITH viewer, organization, person, allowed, membership, alreadyAdmin,
     allowed AND person <> viewer AND membership IS NOT NULL AND NOT alreadyAdmin AS acting
CALL (membership, acting) {
  WITH membership WHERE acting
  SET membership.role = 'ADMIN'
}
CALL (viewer, organization, acting) {
  WITH viewer, organization WHERE acting AND $stepDown
  MATCH (viewer)-[own:MEMBER_OF]->(organization)
  SET own.role = 'MEMBER'
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN NOT allowed THEN 'FORBIDDEN'
            WHEN person IS NULL THEN 'PERSON_NOT_FOUND' WHEN person = viewer THEN 'SELF'
            WHEN membership IS NULL THEN 'NOT_ACTIVE' WHEN alreadyAdmin THEN 'ALREADY_ADMIN'
            ELSE 'DONE' END AS outcome,
       'ACTIVE' AS status,
       [{type: 'ORGANIZATION_MEMBERSHIP_CHANGED', subjectType: 'Organization',
         subjectId: $organizationId,
         payload: {personId: $personId, status: 'ACTIVE', role: 'ADMIN',
                   steppedDown: $stepDown}}] AS events
