// Changes the role ($role, unchanged when null) and budget share ($budget in cents, unchanged
// when null) of partner $organizationId in project $projectId, and confirms a candidate
// partner. Naming a new COORDINATOR hands coordination over (the former one becomes a
// PARTNER; only the coordinator's admins may); the coordinator's own role cannot be changed
// otherwise (NOT_ALLOWED), so there is always exactly one. Shares may not exceed the total
// budget (OVER_BUDGET), compared under the project's lock.
// Placeholders (schema/projects/acting.py): project_visible, organization_visible, manages,
// coordinates. Event: PROJECT_PARTNERS_CHANGED (UPDATED, as add_partner).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
SET project._lock = true
REMOVE project._lock
WITH project
OPTIONAL MATCH (organization:Organization {id: $organizationId})
  WHERE {{organization_visible}}
OPTIONAL MATCH (organization)-[partner:PARTNER_IN]->(project)
CALL (project, organization) {
  OPTIONAL MATCH (project)<-[share:PARTNER_IN]-(other:Organization)
  WHERE other <> organization
  RETURN coalesce(sum(share.budget), 0) AS otherShares
}
WITH project, organization, partner, otherShares, coalesce($role, partner.role) AS role
WITH project, organization, partner,
  CASE
    WHEN project IS NULL OR organization IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN partner IS NULL THEN 'NOT_PARTNER'
    WHEN role = 'COORDINATOR' AND partner.role <> 'COORDINATOR' AND NOT {{coordinates}}
      THEN 'FORBIDDEN'
    WHEN partner.role = 'COORDINATOR' AND role <> 'COORDINATOR' THEN 'NOT_ALLOWED'
    WHEN project.totalBudget IS NOT NULL
         AND otherShares + coalesce($budget, partner.budget, 0) > project.totalBudget
      THEN 'OVER_BUDGET'
    ELSE 'DONE'
  END AS outcome
CALL (project, partner, outcome) {
  WITH project, partner
  WHERE outcome = 'DONE'
  CALL (project, partner) {
    WITH project, partner
    WHERE $role = 'COORDINATOR' AND partner.role <> 'COORDINATOR'
    MATCH (project)<-[former:PARTNER_IN {role: 'COORDINATOR'}]-(:Organization)
    SET former.role = 'PARTNER'
  }
  SET partner.role = coalesce($role, partner.role),
      partner.budget = coalesce($budget, partner.budget)
  REMOVE partner.candidate
}
RETURN outcome, [{type: 'PROJECT_PARTNERS_CHANGED', subjectType: 'Organization',
  subjectId: $organizationId, scopeType: 'Project', scopeId: $projectId, projectId: $projectId,
  payload: {change: 'UPDATED', role: partner.role, budget: partner.budget}}] AS events
