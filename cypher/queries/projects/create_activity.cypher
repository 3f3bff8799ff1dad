// Creates activity $activityId of project $projectId, assigned to the people ($userIds, who
// work on the project) and organizations ($organizationIds, its partners) given; anyone else
// is NOT_ALLOWED. Placeholders (schema/projects/acting.py): project_visible, works_on.
// Event: ACTIVITY_CHANGED (CREATED; none again when a retry finds it made).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
WITH project, NOT EXISTS { (:Activity {id: $activityId}) } AS fresh,
  CASE
    WHEN project IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    WHEN any(userId IN $userIds
             WHERE NOT EXISTS { (:User {id: userId})-[:WORKS_ON]->(project) })
      OR any(organizationId IN $organizationIds
             WHERE NOT EXISTS { (:Organization {id: organizationId})-[:PARTNER_IN]->(project) })
      THEN 'NOT_ALLOWED'
    ELSE 'DONE'
  END AS outcome
CALL (project, outcome) {
  WITH project
  WHERE outcome = 'DONE'
  MERGE (activity:Activity {id: $activityId})
    ON CREATE SET activity.title = $title, activity.startDate = $startDate,
                  activity.endDate = $endDate, activity.status = $status,
                  activity.progress = $progress
  MERGE (activity)-[:PART_OF]->(project)
  WITH activity
  CALL (activity) {
    UNWIND $userIds AS userId
    MATCH (assignee:User {id: userId})
    MERGE (activity)-[:ASSIGNED_TO]->(assignee)
  }
  CALL (activity) {
    UNWIND $organizationIds AS organizationId
    MATCH (assignee:Organization {id: organizationId})
    MERGE (activity)-[:ASSIGNED_TO]->(assignee)
  }
}
RETURN outcome, CASE WHEN fresh THEN [{type: 'ACTIVITY_CHANGED', subjectType: 'Activity',
  subjectId: $activityId, projectId: $projectId,
  payload: {change: 'CREATED', title: $title, status: $status, startDate: $startDate,
            endDate: $endDate, progress: $progress}}] ELSE [] END AS events
