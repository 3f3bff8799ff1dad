// Person $userId works on project $projectId in $role (a person already on it takes the new
// role). Placeholders (schema/projects/acting.py): project_visible, user_visible, manages.
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
OPTIONAL MATCH (person:User {id: $userId})
  WHERE {{user_visible}}
WITH project, person,
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
RETURN outcome
