// Makes organization $organizationId a partner of project $projectId with $role and $budget
// (cents). Naming a new COORDINATOR hands coordination over (the former one becomes a
// PARTNER), so a project always has exactly one; only the coordinator's admins may do that.
// The partners' shares may not exceed the project's total budget (OVER_BUDGET); the project is
// locked first so that concurrent changes of shares are compared one after the other.
// Placeholders (schema/projects/acting.py): project_visible, organization_visible, manages,
// coordinates. Event: PROJECT_PARTNERS_CHANGED (CREATED; the partner as subject, seen by
// whoever sees the project, as its partners are).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
SET project._lock = true
REMOVE project._lock
WITH project
OPTIONAL MATCH (organization:Organization {id: $organizationId})
  WHERE {{organization_visible}}
CALL (project) {
  OPTIONAL MATCH (project)<-[share:PARTNER_IN]-(:Organization)
  RETURN coalesce(sum(share.budget), 0) AS shares
}
WITH project, organization,
  CASE
    WHEN project IS NULL OR organization IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN $role = 'COORDINATOR' AND NOT {{coordinates}} THEN 'FORBIDDEN'
    WHEN EXISTS { (organization)-[:PARTNER_IN]->(project) } THEN 'ALREADY_DONE'
    WHEN project.totalBudget IS NOT NULL AND shares + $budget > project.totalBudget
      THEN 'OVER_BUDGET'
    ELSE 'DONE'
  END AS outcome
CALL (project, organization, outcome) {
  WITH project, organization
  WHERE outcome = 'DONE'
  CALL (project) {
    WITH project
    WHERE $role = 'COORDINATOR'
    MATCH (project)<-[former:PARTNER_IN {role: 'COORDINATOR'}]-(:Organization)
    SET former.role = 'PARTNER'
  }
  MERGE (organization)-[partner:PARTNER_IN]->(project)
    ON CREATE SET partner.role = $role, partner.budget = $budget
}
RETURN outcome, [{type: 'PROJECT_PARTNERS_CHANGED', subjectType: 'Organization',
  subjectId: $organizationId, scopeType: 'Project', scopeId: $projectId, projectId: $projectId,
  payload: {change: 'CREATED', role: $role, budget: $budget}}] AS events
