// Activity $activityId depends on activity $prerequisiteId (it starts when that one ends).
// Both belong to the same project (else NOT_ALLOWED); a dependency closing a loop is a CYCLE
// (an activity reached from the prerequisite by DEPENDS_ON paths), and the activity may not
// start before its prerequisite ends (DATES_OUT_OF_ORDER). The project is locked first, so
// that two dependencies added at the same time cannot close a loop together.
// Placeholders (schema/projects/acting.py): activity_visible, prerequisite_visible, works_on.
// Event: ACTIVITY_CHANGED (UPDATED, dependencyAdded; none when it already depended on it).
OPTIONAL MATCH (activity:Activity {id: $activityId})-[:PART_OF]->(project:Project)
  WHERE {{activity_visible}}
SET project._lock = true
REMOVE project._lock
WITH activity, project
OPTIONAL MATCH (prerequisite:Activity {id: $prerequisiteId})
  WHERE {{prerequisite_visible}}
WITH activity, project, prerequisite,
  EXISTS { (activity)-[:DEPENDS_ON]->(prerequisite) } AS already,
  CASE
    WHEN activity IS NULL OR prerequisite IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    WHEN NOT EXISTS { (prerequisite)-[:PART_OF]->(project) } THEN 'NOT_ALLOWED'
    WHEN EXISTS { (activity)-[:DEPENDS_ON]->(prerequisite) } THEN 'DONE'
    WHEN activity = prerequisite
      OR EXISTS { (prerequisite)-[:DEPENDS_ON*]->(activity) } THEN 'CYCLE'
    WHEN activity.startDate < prerequisite.endDate THEN 'DATES_OUT_OF_ORDER'
    ELSE 'DONE'
  END AS outcome
CALL (activity, prerequisite, outcome) {
  WITH activity, prerequisite
  WHERE outcome = 'DONE'
  MERGE (activity)-[:DEPENDS_ON]->(prerequisite)
}
RETURN outcome, CASE WHEN NOT already
  THEN [{type: 'ACTIVITY_CHANGED', subjectType: 'Activity', subjectId: $activityId,
         projectId: project.id, payload: {change: 'UPDATED', dependencyAdded: $prerequisiteId}}]
  ELSE [] END AS events
