// Creates budget line $lineId of project $projectId for partner $organizationId: $category,
// $planned and $spent in cents. The planned lines may not add up to more than the project's
// total budget (OVER_BUDGET) unless $allowOverBudget and the viewer coordinates the project.
// The project is locked first (a property write holds its lock to the end of the
// transaction): two lines written at the same time are summed one after the other, so they
// cannot both fit a total that only one of them fits.
// Placeholders (schema/projects/acting.py): project_visible, manages, coordinates.
// Event: BUDGET_CHANGED (CREATED; visible as the line is, to those entitled to the project's
// budget; none again when a retry finds it made).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
SET project._lock = true
REMOVE project._lock
WITH project
OPTIONAL MATCH (organization:Organization {id: $organizationId})-[:PARTNER_IN]->(project)
CALL (project) {
  OPTIONAL MATCH (project)<-[:OF]-(line:BudgetLine)
  RETURN coalesce(sum(line.planned), 0) AS plannedSoFar
}
WITH project, organization, NOT EXISTS { (:BudgetLine {id: $lineId}) } AS fresh,
  CASE
    WHEN project IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN organization IS NULL THEN 'NOT_PARTNER'
    WHEN project.totalBudget IS NOT NULL AND plannedSoFar + $planned > project.totalBudget
         AND NOT ($allowOverBudget AND {{coordinates}}) THEN 'OVER_BUDGET'
    ELSE 'DONE'
  END AS outcome
CALL (project, organization, outcome) {
  WITH project, organization
  WHERE outcome = 'DONE'
  MERGE (line:BudgetLine {id: $lineId})
    ON CREATE SET line.category = $category, line.planned = $planned, line.spent = $spent
  MERGE (line)-[:OF]->(project)
  MERGE (line)-[:FOR]->(organization)
}
RETURN outcome, CASE WHEN fresh THEN [{type: 'BUDGET_CHANGED', subjectType: 'BudgetLine',
  subjectId: $lineId, projectId: $projectId,
  payload: {change: 'CREATED', category: $category, planned: $planned, spent: $spent,
            partnerId: $organizationId}}] ELSE [] END AS events
