// Creates result $resultId of project $projectId.
// Placeholders (schema/projects/acting.py): project_visible, works_on.
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
WITH project,
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
RETURN outcome
