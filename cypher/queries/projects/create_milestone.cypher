// Creates milestone $milestoneId of project $projectId.
// Placeholders (schema/projects/acting.py): project_visible, works_on.
// Event: MILESTONE_CHANGED (CREATED; none again when a retry finds it made).
OPTIONAL MATCH (project:Project {id: $projectId})
  WHERE {{project_visible}}
WITH project, NOT EXISTS { (:Milestone {id: $milestoneId}) } AS fresh,
  CASE
    WHEN project IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (project, outcome) {
  WITH project
  WHERE outcome = 'DONE'
  MERGE (milestone:Milestone {id: $milestoneId})
    ON CREATE SET milestone.title = $title, milestone.dueDate = $dueDate,
                  milestone.reachedAt = $reachedAt
  MERGE (milestone)-[:PART_OF]->(project)
}
RETURN outcome, CASE WHEN fresh THEN [{type: 'MILESTONE_CHANGED', subjectType: 'Milestone',
  subjectId: $milestoneId, projectId: $projectId,
  payload: {change: 'CREATED', title: $title, dueDate: $dueDate, reachedAt: $reachedAt}}]
  ELSE [] END AS events
