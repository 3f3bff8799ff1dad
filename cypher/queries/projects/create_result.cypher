// Creates result $resultId of project $projectId.
// Placeholders (schema/projects/acting.py): project_visible, works_on.
// Event: RESULT_CHANGED (CREATED; none again when a retry finds it made).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
WITH project, NOT EXISTS { (:Result {id: $resultId}) } AS fresh,
  CASE
    WHEN project IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (project, outcome) {
  WITH project
  WHERE outcome = 'DONE'
  MERGE (result:Result {id: $resultId})
    ON CREATE SET result.title = $title, result.kind = $kind, result.date = $date,
                  result.description = $description
  MERGE (result)-[:RESULT_OF]->(project)
}
RETURN outcome, CASE WHEN fresh THEN [{type: 'RESULT_CHANGED', subjectType: 'Result',
  subjectId: $resultId, projectId: $projectId,
  payload: {change: 'CREATED', title: $title, kind: $kind, date: $date}}] ELSE [] END AS events
