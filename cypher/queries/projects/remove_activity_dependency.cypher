// Activity $activityId no longer depends on activity $prerequisiteId (nothing changes when it
// did not). Placeholders (schema/projects/acting.py): activity_visible, prerequisite_visible,
// works_on. Event: ACTIVITY_CHANGED (UPDATED, dependencyRemoved; none when it did not depend
// on it).
OPTIONAL MATCH (activity:Activity {id: $activityId})-[:PART_OF]->(project:Project)
  WHERE {{activity_visible}}
OPTIONAL MATCH (prerequisite:Activity {id: $prerequisiteId})
  WHERE {{prerequisite_visible}}
WITH activity, project, prerequisite,
  EXISTS { (activity)-[:DEPENDS_ON]->(prerequisite) } AS dependent,
  CASE
    WHEN activity IS NULL OR prerequisite IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (activity, prerequisite, outcome) {
  WITH activity, prerequisite
  WHERE outcome = 'DONE'
  OPTIONAL MATCH (activity)-[dependency:DEPENDS_ON]->(prerequisite)
  DELETE dependency
}
RETURN outcome, CASE WHEN dependent
  THEN [{type: 'ACTIVITY_CHANGED', subjectType: 'Activity', subjectId: $activityId,
         projectId: project.id, payload: {change: 'UPDATED', dependencyRemoved: $prerequisiteId}}]
  ELSE [] END AS events
