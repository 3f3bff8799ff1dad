// Person $userId no longer works on project $projectId, nor on its activities.
// Placeholders (schema/projects/acting.py): project_visible, user_visible, manages.
// Event: PROJECT_PEOPLE_CHANGED (DELETED, as add_project_person).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
OPTIONAL MATCH (person:User {id: $userId})
  WHERE {{user_visible}}
OPTIONAL MATCH (person)-[work:WORKS_ON]->(project)
WITH project, person, work,
  CASE
    WHEN project IS NULL OR person IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN work IS NULL THEN 'NOT_ON_PROJECT'
    ELSE 'DONE'
  END AS outcome
CALL (project, person, work, outcome) {
  WITH project, person, work
  WHERE outcome = 'DONE'
  CALL (project, person) {
    MATCH (project)<-[:PART_OF]-(:Activity)-[assignment:ASSIGNED_TO]->(person)
    DELETE assignment
  }
  DELETE work
}
RETURN outcome, [{type: 'PROJECT_PEOPLE_CHANGED', subjectType: 'User', subjectId: $userId,
  scopeType: 'Project', scopeId: $projectId, projectId: $projectId,
  payload: {change: 'DELETED'}}] AS events
