// The viewer asks to join the organization $organizationId (if the viewer may see it:
// `visible`, the label's rule), with the job title $title: a pending REQUESTED_MEMBERSHIP,
// once however often asked and however many requests ask at the same time; an invitation
// already there makes the viewer a member at once. The organization is locked first, so that
// concurrent changes of its memberships see each other. `visible` is filled by the code
// (schema/actors/membership_mutations.py; `person_visible` and `administers` are unused).
// Event: ORGANIZATION_MEMBERSHIP_CHANGED (the person and where they now stand), visible as
// the organization is when the viewer became a member (members are public), else only to
// those who administer it (a pending request); none when the request was there already.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:Organization {id: $organizationId})
  WHERE {{visible}}
WITH viewer, n AS organization
CALL (organization) {
  WITH organization WHERE organization IS NOT NULL
  SET organization._lock = true
  REMOVE organization._lock
}
WITH viewer, organization,
     EXISTS { (viewer)-[:MEMBER_OF]->(organization) } AS member,
     EXISTS { (viewer)-[:INVITED_TO]->(organization) } AS invited,
     EXISTS { (viewer)-[:REQUESTED_MEMBERSHIP]->(organization) } AS requested
CALL (viewer, organization, member, invited) {
  WITH viewer, organization WHERE organization IS NOT NULL AND NOT member AND invited
  MATCH (viewer)-[invitation:INVITED_TO]->(organization)
  MERGE (viewer)-[membership:MEMBER_OF]->(organization)
    ON CREATE SET membership.role = 'MEMBER', membership.since = date(),
                  membership.title = coalesce(invitation.title, $title)
  DELETE invitation
}
CALL (viewer, organization, member, invited) {
  WITH viewer, organization WHERE organization IS NOT NULL AND NOT member AND NOT invited
  MERGE (viewer)-[request:REQUESTED_MEMBERSHIP]->(organization)
    ON CREATE SET request.requestedAt = datetime(), request.title = $title
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN member THEN 'ALREADY_DONE'
            ELSE 'DONE' END AS outcome,
       CASE WHEN invited THEN 'ACTIVE' ELSE 'REQUESTED' END AS status,
       CASE WHEN requested AND NOT invited THEN [] ELSE [{
         type: 'ORGANIZATION_MEMBERSHIP_CHANGED', subjectType: 'Organization',
         subjectId: $organizationId,
         scopeType: CASE WHEN invited THEN 'Organization' ELSE 'OrganizationManagement' END,
         scopeId: $organizationId,
         payload: {personId: $viewerId,
                   status: CASE WHEN invited THEN 'ACTIVE' ELSE 'REQUESTED' END}}] END AS events
