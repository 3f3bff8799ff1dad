// A platform admin names the organization $organizationId the region's EEN contact point
// (null: none), whose facilitators then follow up the expressions of interest in EEN
// proposals (access/een_follow_up). The contact point's one node, of id $contactPoint (a
// migration made it), is locked before its organization is read, so concurrent changes see
// each other and leave one.
// Answers NOT_FOUND (no such organization), FORBIDDEN (the viewer is not a platform admin),
// else DONE; a refusal writes nothing, and so does naming the organization already named.
// Event: EEN_CONTACT_POINT_CHANGED about the organization named (when cleared, the former
// one), with the former one; none when nothing changed (a retry after its commit included).
MATCH (viewer:User {id: $viewerId})
MATCH (point:EenContactPoint {id: $contactPoint})
OPTIONAL MATCH (organization:Organization {id: $organizationId})
WITH point, organization, CASE
    WHEN $organizationId IS NOT NULL AND organization IS NULL THEN 'NOT_FOUND'
    WHEN NOT coalesce({{rule access/platform_admin(viewer)}}, false) THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (point, outcome) {
  WITH point
  WHERE outcome = 'DONE'
  SET point._lock = true
  REMOVE point._lock
}
OPTIONAL MATCH (point)-[held:HELD_BY]->(former:Organization)
WITH point, organization, outcome, collect(held) AS held, head(collect(former.id)) AS formerId
WITH point, organization, outcome, held, formerId,
     outcome = 'DONE' AND coalesce(formerId, '') <> coalesce($organizationId, '') AS changes
CALL (point, organization, held, changes) {
  WITH point, organization, held
  WHERE changes
  FOREACH (relationship IN held | DELETE relationship)
  FOREACH (holder IN CASE WHEN organization IS NULL THEN [] ELSE [organization] END |
    CREATE (point)-[:HELD_BY]->(holder))
}
RETURN outcome, CASE WHEN changes THEN [{type: 'EEN_CONTACT_POINT_CHANGED',
    subjectType: 'Organization', subjectId: coalesce($organizationId, formerId),
    payload: {organizationId: $organizationId, previousOrganizationId: formerId}}]
  ELSE [] END AS events
