// An admin of the organization $organizationId (`administers`, on `organization`) invites the
// person $personId with the job title $title: a pending INVITED_TO, once however often asked;
// a request of the person already there makes them a member at once. The organization is
// locked first, so that concurrent changes of its memberships see each other. `visible`,
// `person_visible` (the labels' rules) and `administers` are filled by the code
// (schema/actors/membership_mutations.py). Event: ORGANIZATION_MEMBERSHIP_CHANGED (the person
// and where they now stand), visible as the organization is when the person became a member
// (members are public), else only to those who administer it (a pending invitation).
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
WITH organization, person, organization IS NOT NULL AND {{administers}} AS allowed,
     EXISTS { (person)-[:MEMBER_OF]->(organization) } AS member,
     EXISTS { (person)-[:REQUESTED_MEMBERSHIP]->(organization) } AS requested
WITH organization, person, allowed, member, requested,
     allowed AND person IS NOT NULL AND NOT member AS acting
CALL (organization, person, acting, requested) {
  WITH organization, person WHERE acting AND requested
  MATCH (person)-[request:REQUESTED_MEMBERSHIP]->(organization)
  MERGE (person)-[membership:MEMBER_OF]->(organization)
    ON CREATE SET membership.role = 'MEMBER', membership.since = date(),
                  membership.title = coalesce($title, request.title)
  DELETE request
}
CALL (organization, person, acting, requested) {
  WITH organization, person WHERE acting AND NOT requested
  MERGE (person)-[invitation:INVITED_TO]->(organization)
    ON CREATE SET invitation.invitedAt = datetime()
  SET invitation.title = $title
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN NOT allowed THEN 'FORBIDDEN'
            WHEN person IS NULL THEN 'PERSON_NOT_FOUND' WHEN member THEN 'ALREADY_DONE'
            ELSE 'DONE' END AS outcome,
       CASE WHEN requested THEN 'ACTIVE' ELSE 'INVITED' END AS status,
       [{type: 'ORGANIZATION_MEMBERSHIP_CHANGED', subjectType: 'Organization',
         subjectId: $organizationId,
         scopeType: CASE WHEN requested THEN 'Organization' ELSE 'OrganizationManagement' END,
         scopeId: $organizationId,
         payload: {personId: $personId,
                   status: CASE WHEN requested THEN 'ACTIVE' ELSE 'INVITED' END}}] AS events
