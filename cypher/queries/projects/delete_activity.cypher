// Deletes activity $activityId with its dependencies and assignments.
// Event: ACTIVITY_CHANGED (DELETED; scoped to the project, which remains).
// Placeholders (schema/projects/acting.py): activity_visible, works_on.
OPTIONAL MATCH (activity:Activity {id: $activityId})-[:PART_OF]->(project:Project)
  WHERE {{activity_visible}}
WITH activity, project, activity.title AS title,
  CASE
    WHEN activity IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (activity, outcome) {
  WITH activity
  WHERE outcome = 'DONE'
  DETACH DELETE activity
}
RETURN outcome, project.id AS projectId,
  [{type: 'ACTIVITY_CHANGED', subjectType: 'Activity', subjectId: $activityId,
    scopeType: 'Project', scopeId: project.id, projectId: project.id,
    payload: {change: 'DELETED', title: title}}] AS events
