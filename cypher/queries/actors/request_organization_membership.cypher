// The viewer asks to join the organization $organizationId (if the viewer may see it:
// `visible`, the label's rule), with the job title $title: a pending REQUESTED_MEMBERSHIP,
// once however often asked and however many requests ask at the same time; an invitation
// already there makes the viewer a member at once. The organization is locked first, so that
// concurrent changes of its memberships see each other. `visible` is filled by the code
// (schema/actors/membership_mutations.py; `person_visible` and `administers` are unused).
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
     EXISTS { (viewer)-[:INVITED_TO]->(organization) } AS invited
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
       CASE WHEN invited THEN 'ACTIVE' ELSE 'REQUESTED' END AS status
