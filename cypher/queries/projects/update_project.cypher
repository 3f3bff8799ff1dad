// Changes project $projectId by the properties in $changes (title, acronym, summary,
// fundingProgramme, startDate, endDate, status, totalBudget in cents; absent keys stay).
// Status moves PLANNED -> ACTIVE | CANCELLED and ACTIVE -> COMPLETED | CANCELLED only; a total
// budget below the planned budget lines or the partners' shares is OVER_BUDGET. The project is
// locked first (a property write holds its lock to the end of the transaction), so that a
// budget line written at the same time cannot slip past the comparison.
// Placeholders (schema/projects/acting.py): project_visible, manages.
// Event: PROJECT_UPDATED (the fields given; the total budget is public, as the project).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
SET project._lock = true
REMOVE project._lock
WITH project
CALL (project) {
  OPTIONAL MATCH (project)<-[:OF]-(line:BudgetLine)
  RETURN coalesce(sum(line.planned), 0) AS planned
}
CALL (project) {
  OPTIONAL MATCH (project)<-[share:PARTNER_IN]-(:Organization)
  RETURN coalesce(sum(share.budget), 0) AS shares
}
WITH project, planned, shares,
     coalesce($changes.startDate, project.startDate) AS startDate,
     coalesce($changes.endDate, project.endDate) AS endDate,
     coalesce($changes.status, project.status) AS status
WITH project, project.status AS former,
  CASE
    WHEN project IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{manages}} THEN 'FORBIDDEN'
    WHEN endDate < startDate THEN 'DATES_OUT_OF_ORDER'
    WHEN status <> project.status
         AND NOT [project.status, status] IN [['PLANNED', 'ACTIVE'], ['PLANNED', 'CANCELLED'],
                                             ['ACTIVE', 'COMPLETED'], ['ACTIVE', 'CANCELLED']]
      THEN 'INVALID_TRANSITION'
    WHEN $changes.totalBudget IS NOT NULL
         AND (planned > $changes.totalBudget OR shares > $changes.totalBudget)
      THEN 'OVER_BUDGET'
    ELSE 'DONE'
  END AS outcome
CALL (project, outcome) {
  WITH project
  WHERE outcome = 'DONE'
  SET project += $changes
}
RETURN outcome, [{type: 'PROJECT_UPDATED', subjectType: 'Project', subjectId: $projectId,
  projectId: $projectId,
  s3Areas: COLLECT { MATCH (project)-[:TAGGED]->(area:S3Area) RETURN area.id },
  payload: {fields: keys($changes), title: project.title, status: project.status,
            previousStatus: former}}] AS events
