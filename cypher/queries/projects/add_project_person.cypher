// Person $userId works on project $projectId in $role (a person already on it takes the new
// role). Placeholders (schema/projects/acting.py): project_visible, user_visible, manages.
// Event: PROJECT_PEOPLE_CHANGED (CREATED, or UPDATED for a new role; the person as subject,
// seen by whoever sees the project, as its people are).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
OPTIONAL MATCH (person:User {id: $userId})
  WHERE {{user_visible}}
WITH project, person, EXISTS { (person)-[:WORKS_ON]->(project) } AS already,
  CASE
    WHEN project IS NULL OR person IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (project, person, outcome) {
  WITH project, person
  WHERE outcome = 'DONE'
  MERGE (person)-[work:WORKS_ON]->(project)
  SET work.role = $role
}
RETURN outcome, [{type: 'PROJECT_PEOPLE_CHANGED', subjectType: 'User', subjectId: $userId,
  scopeType: 'Project', scopeId: $projectId, projectId: $projectId,
  payload: {change: CASE WHEN already THEN 'UPDATED' ELSE 'CREATED' END,
            role: $role}}] AS events
