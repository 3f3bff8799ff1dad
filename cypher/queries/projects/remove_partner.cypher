// Removes organization $organizationId from the partners of project $projectId, with its
// assignments to the project's activities. The coordinator cannot be removed (name another
// first) and neither can a partner with budget lines (delete or move them first): NOT_ALLOWED.
// Placeholders (schema/projects/acting.py): project_visible, organization_visible, manages.
// Event: PROJECT_PARTNERS_CHANGED (DELETED, as add_partner).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
OPTIONAL MATCH (organization:Organization {id: $organizationId})
  WHERE {{organization_visible}}
OPTIONAL MATCH (organization)-[partner:PARTNER_IN]->(project)
WITH project, organization, partner,
  CASE
    WHEN project IS NULL OR organization IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN partner IS NULL THEN 'NOT_PARTNER'
    WHEN partner.role = 'COORDINATOR' THEN 'COORDINATOR'
    WHEN EXISTS { (project)<-[:OF]-(:BudgetLine)-[:FOR]->(organization) } THEN 'HAS_LINES'
    ELSE 'DONE'
  END AS outcome
CALL (project, organization, partner, outcome) {
  WITH project, organization, partner
  WHERE outcome = 'DONE'
  CALL (project, organization) {
    MATCH (project)<-[:PART_OF]-(:Activity)-[assignment:ASSIGNED_TO]->(organization)
    DELETE assignment
  }
  DELETE partner
}
RETURN outcome, [{type: 'PROJECT_PARTNERS_CHANGED', subjectType: 'Organization',
  subjectId: $organizationId, scopeType: 'Project', scopeId: $projectId, projectId: $projectId,
  payload: {change: 'DELETED'}}] AS events
