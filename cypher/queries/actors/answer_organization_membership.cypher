// An answer ($accept) to a pending membership of the person $personId in the organization
// $organizationId: the person's own invitation when the person is the viewer, else the
// person's request, which an admin (`administers`, on `organization`) answers. Accepting makes
// the person a member with the title of the request or invitation; either answer ends it.
// The organization is locked first, so that concurrent changes of its memberships see each
// other. `visible`, `person_visible` and `administers` are filled by the code
// (schema/actors/membership_mutations.py). Event: ORGANIZATION_MEMBERSHIP_CHANGED (the person
// and where they now stand), visible as the organization is when the person became a member
// (members are public), else only to those who administer it (a refusal ends a pending one).
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
WITH organization, person, person = viewer AS own,
     organization IS NOT NULL AND {{administers}} AS administers
OPTIONAL MATCH (person)-[pending:INVITED_TO|REQUESTED_MEMBERSHIP]->(organization)
  WHERE type(pending) = CASE WHEN own THEN 'INVITED_TO' ELSE 'REQUESTED_MEMBERSHIP' END
WITH organization, person, own, administers, pending,
     pending IS NOT NULL AND (own OR administers) AS acting
CALL (organization, person, pending, acting) {
  WITH organization, person, pending WHERE acting AND $accept
  MERGE (person)-[membership:MEMBER_OF]->(organization)
    ON CREATE SET membership.role = 'MEMBER', membership.since = date(),
                  membership.title = pending.title
}
CALL (pending, acting) {
  WITH pending WHERE acting
  DELETE pending
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN person IS NULL THEN 'PERSON_NOT_FOUND'
            WHEN NOT own AND NOT administers THEN 'FORBIDDEN'
            WHEN pending IS NULL THEN 'NOTHING_PENDING' ELSE 'DONE' END AS outcome,
       CASE WHEN $accept THEN 'ACTIVE' ELSE 'NONE' END AS status,
       [{type: 'ORGANIZATION_MEMBERSHIP_CHANGED', subjectType: 'Organization',
         subjectId: $organizationId,
         scopeType: CASE WHEN $accept THEN 'Organization' ELSE 'OrganizationManagement' END,
         scopeId: $organizationId,
         payload: {personId: $personId,
                   status: CASE WHEN $accept THEN 'ACTIVE' ELSE 'NONE' END}}] AS events
