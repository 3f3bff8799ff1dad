// Changes result $resultId by $changes (title, kind, date, description; absent keys stay).
// Placeholders (schema/projects/acting.py): result_visible, works_on.
// Event: RESULT_CHANGED (UPDATED: the fields given).
OPTIONAL MATCH (result:Result {id: $resultId})-[:RESULT_OF]->(project:Project)
  WHERE {{result_visible}}
WITH result, project,
  CASE
    WHEN result IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (result, outcome) {
  WITH result
  WHERE outcome = 'DONE'
  SET result += $changes
}
RETURN outcome, [{type: 'RESULT_CHANGED', subjectType: 'Result', subjectId: $resultId,
  projectId: project.id,
  payload: {change: 'UPDATED', fields: keys($changes), title: result.title,
            kind: result.kind}}] AS events
