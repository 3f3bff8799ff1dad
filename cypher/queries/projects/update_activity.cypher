// Changes activity $activityId by $changes (title, startDate, endDate, status, progress;
// absent keys stay) and, when $userIds / $organizationIds are given (not null), replaces its
// assignees with them (people working on the project, partners of it: else NOT_ALLOWED).
// Dates stay in order: the end not before the start, the start not before any prerequisite
// ends, the end not after any dependent activity starts (DATES_OUT_OF_ORDER). The project is
// locked first, so that a dependency added at the same time is checked against these dates.
// Placeholders (schema/projects/acting.py): activity_visible, works_on.
// Event: ACTIVITY_CHANGED (UPDATED: the fields given, assignees when replaced).
OPTIONAL MATCH (activity:Activity {id: $activityId})-[:PART_OF]->(project:Project)
  WHERE {{activity_visible}}
SET project._lock = true
REMOVE project._lock
WITH activity, project,
     coalesce($changes.startDate, activity.startDate) AS startDate,
     coalesce($changes.endDate, activity.endDate) AS endDate
WITH activity, project,
  CASE
    WHEN activity IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    WHEN endDate < startDate
      OR EXISTS { MATCH (activity)-[:DEPENDS_ON]->(prerequisite:Activity)
                  WHERE prerequisite.endDate > startDate }
      OR EXISTS { MATCH (dependent:Activity)-[:DEPENDS_ON]->(activity)
                  WHERE dependent.startDate < endDate }
      THEN 'DATES_OUT_OF_ORDER'
    WHEN any(userId IN coalesce($userIds, [])
             WHERE NOT EXISTS { (:User {id: userId})-[:WORKS_ON]->(project) })
      OR any(organizationId IN coalesce($organizationIds, [])
             WHERE NOT EXISTS { (:Organization {id: organizationId})-[:PARTNER_IN]->(project) })
      THEN 'NOT_ALLOWED'
    ELSE 'DONE'
  END AS outcome
CALL (activity, outcome) {
  WITH activity
  WHERE outcome = 'DONE'
  SET activity += $changes
  WITH activity
  CALL (activity) {
    WITH activity
    WHERE $userIds IS NOT NULL
    OPTIONAL MATCH (activity)-[assignment:ASSIGNED_TO]->(former:User)
    WHERE NOT former.id IN $userIds
    DELETE assignment
  }
  CALL (activity) {
    WITH activity
    WHERE $organizationIds IS NOT NULL
    OPTIONAL MATCH (activity)-[assignment:ASSIGNED_TO]->(former:Organization)
    WHERE NOT former.id IN $organizationIds
    DELETE assignment
  }
  CALL (activity) {
    UNWIND coalesce($userIds, []) AS userId
    MATCH (assignee:User {id: userId})
    MERGE (activity)-[:ASSIGNED_TO]->(assignee)
  }
  CALL (activity) {
    UNWIND coalesce($organizationIds, []) AS organizationId
    MATCH (assignee:Organization {id: organizationId})
    MERGE (activity)-[:ASSIGNED_TO]->(assignee)
  }
}
RETURN outcome, [{type: 'ACTIVITY_CHANGED', subjectType: 'Activity', subjectId: $activityId,
  projectId: project.id,
  payload: {change: 'UPDATED', fields: keys($changes)
              + CASE WHEN $userIds IS NULL AND $organizationIds IS NULL THEN []
                     ELSE ['assignees'] END,
            title: activity.title, status: activity.status,
            progress: activity.progress}}] AS events
