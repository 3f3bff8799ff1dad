// Deletes budget line $lineId. Placeholders (schema/projects/acting.py): line_visible, manages.
// Event: BUDGET_CHANGED (DELETED), scoped to the project's private side (ProjectPrivate:
// schema/events/access.py), the audience the line had.
OPTIONAL MATCH (line:BudgetLine {id: $lineId})-[:OF]->(project:Project)
  WHERE {{line_visible}}
WITH line, project,
  line {.category, .planned, .spent,
        partnerId: head(COLLECT { MATCH (line)-[:FOR]->(partner:Organization)
                                  RETURN partner.id })} AS former,
  CASE
    WHEN line IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (line, outcome) {
  WITH line
  WHERE outcome = 'DONE'
  DETACH DELETE line
}
RETURN outcome, project.id AS projectId,
  [{type: 'BUDGET_CHANGED', subjectType: 'BudgetLine', subjectId: $lineId,
    scopeType: 'ProjectPrivate', scopeId: project.id, projectId: project.id,
    payload: {change: 'DELETED', category: former.category, planned: former.planned,
              spent: former.spent, partnerId: former.partnerId}}] AS events
