// The viewer leaves the organization $organizationId (if the viewer may see it: `visible`):
// their membership, invitation or request ends; refused when the viewer is its last admin.
// The organization is locked first, so that two last admins leaving at the same time cannot
// both go. `visible` is filled by the code (schema/actors/membership_mutations.py;
// `person_visible` and `administers` are unused).
// Event: ORGANIZATION_MEMBERSHIP_CHANGED (the person, status NONE), visible as the
// organization is when a membership ended (members are public), else only to those who
// administer it (a pending request or invitation ended).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:Organization {id: $organizationId})
  WHERE {{visible}}
WITH viewer, n AS organization
CALL (organization) {
  WITH organization WHERE organization IS NOT NULL
  SET organization._lock = true
  REMOVE organization._lock
}
OPTIONAL MATCH (viewer)-[tie:MEMBER_OF|INVITED_TO|REQUESTED_MEMBERSHIP]->(organization)
WITH organization, collect(tie) AS ties
WITH organization, ties,
     any(tie IN ties WHERE type(tie) = 'MEMBER_OF' AND tie.role = 'ADMIN')
       AND COUNT { (organization)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User) } = 1 AS lastAdmin,
     any(tie IN ties WHERE type(tie) = 'MEMBER_OF') AS wasMember
CALL (ties, lastAdmin) {
  WITH ties WHERE NOT lastAdmin
  UNWIND ties AS tie
  DELETE tie
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN ties = [] THEN 'NOT_A_MEMBER'
            WHEN lastAdmin THEN 'LAST_ADMIN' ELSE 'DONE' END AS outcome,
       'NONE' AS status,
       [{type: 'ORGANIZATION_MEMBERSHIP_CHANGED', subjectType: 'Organization',
         subjectId: $organizationId,
         scopeType: CASE WHEN wasMember THEN 'Organization' ELSE 'OrganizationManagement' END,
         scopeId: $organizationId,
         payload: {personId: $viewerId, status: 'NONE'}}] AS events
