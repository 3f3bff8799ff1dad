// Deletes budget line $lineId. Placeholders (schema/projects/acting.py): line_visible, manages.
OPTIONAL MATCH (line:BudgetLine {id: $lineId})-[:OF]->(project:Project)
  WHERE {{line_visible}}
WITH line, project,
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
RETURN outcome, project.id AS projectId
