// An admin of the organization $organizationId (`administers`, on `organization`) removes the
// person $personId from it: their membership, invitation or request ends; refused when the
// person is its last admin. The organization is locked first, so that concurrent changes of
// its memberships see each other. `visible`, `person_visible` and `administers` are filled by
// the code (schema/actors/membership_mutations.py).
// Event: ORGANIZATION_MEMBERSHIP_CHANGED (the person, status NONE), visible as the
// organization is when a membership ended (members are public), else only to those who
// administer it (a pending request or invitation ended).
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
WITH organization, person, organization IS NOT NULL AND {{administers}} AS allowed
OPTIONAL MATCH (person)-[tie:MEMBER_OF|INVITED_TO|REQUESTED_MEMBERSHIP]->(organization)
WITH organization, person, allowed, collect(tie) AS ties
WITH organization, person, allowed, ties,
     any(tie IN ties WHERE type(tie) = 'MEMBER_OF' AND tie.role = 'ADMIN')
       AND COUNT { (organization)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User) } = 1 AS lastAdmin,
     any(tie IN ties WHERE type(tie) = 'MEMBER_OF') AS wasMember
CALL (ties, allowed, lastAdmin) {
  WITH ties WHERE allowed AND NOT lastAdmin
  UNWIND ties AS tie
  DELETE tie
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN NOT allowed THEN 'FORBIDDEN'
            WHEN person IS NULL THEN 'PERSON_NOT_FOUND' WHEN ties = [] THEN 'NOT_A_MEMBER'
            WHEN lastAdmin THEN 'LAST_ADMIN' ELSE 'DONE' END AS outcome,
       'NONE' AS status,
       [{type: 'ORGANIZATION_MEMBERSHIP_CHANGED', subjectType: 'Organization',
         subjectId: $organizationId,
         scopeType: CASE WHEN wasMember THEN 'Organization' ELSE 'OrganizationManagement' END,
         scopeId: $organizationId,
         payload: {personId: $personId, status: 'NONE'}}] AS events
