// Changes budget line $lineId by $changes (category, planned, spent in cents; absent keys
// stay) and moves it to partner $organizationId when given. The planned lines may not add up
// to more than the project's total budget (OVER_BUDGET) unless $allowOverBudget and the
// viewer coordinates the project; compared under the project's lock, as create_budget_line.
// Placeholders (schema/projects/acting.py): line_visible, manages, coordinates.
// Event: BUDGET_CHANGED (UPDATED: the fields given, partner when moved; visible as the line
// is).
OPTIONAL MATCH (line:BudgetLine {id: $lineId})-[:OF]->(project:Project)
  WHERE {{line_visible}}
SET project._lock = true
REMOVE project._lock
WITH line, project
OPTIONAL MATCH (organization:Organization {id: $organizationId})-[:PARTNER_IN]->(project)
CALL (project, line) {
  OPTIONAL MATCH (project)<-[:OF]-(other:BudgetLine)
  WHERE other <> line
  RETURN coalesce(sum(other.planned), 0) AS plannedElsewhere
}
WITH line, project, organization,
     plannedElsewhere + coalesce($changes.planned, line.planned) AS plannedInAll
WITH line, project, organization,
  CASE
    WHEN line IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN $organizationId IS NOT NULL AND organization IS NULL THEN 'NOT_PARTNER'
    WHEN project.totalBudget IS NOT NULL AND plannedInAll > project.totalBudget
         AND coalesce($changes.planned, line.planned) > line.planned
         AND NOT ($allowOverBudget AND {{coordinates}}) THEN 'OVER_BUDGET'
    ELSE 'DONE'
  END AS outcome
CALL (line, organization, outcome) {
  WITH line, organization
  WHERE outcome = 'DONE'
  SET line += $changes
  WITH line, organization
  WHERE organization IS NOT NULL
  OPTIONAL MATCH (line)-[former:FOR]->(:Organization)
  DELETE former
  MERGE (line)-[:FOR]->(organization)
}
RETURN outcome, line.planned AS planned, line.spent AS spent,
  [{type: 'BUDGET_CHANGED', subjectType: 'BudgetLine', subjectId: $lineId,
    projectId: project.id,
    payload: {change: 'UPDATED',
              fields: keys($changes)
                + CASE WHEN $organizationId IS NULL THEN [] ELSE ['partner'] END,
              category: line.category, planned: line.planned, spent: line.spent,
              partnerId: head(COLLECT { MATCH (line)-[:FOR]->(partner:Organization)
                                        RETURN partner.id })}}] AS events
