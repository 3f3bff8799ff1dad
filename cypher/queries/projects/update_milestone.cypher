// Changes milestone $milestoneId by $changes (title, dueDate, reachedAt; absent keys stay);
// $unreached clears reachedAt. Placeholders (schema/projects/acting.py): milestone_visible,
// works_on. Event: MILESTONE_CHANGED (UPDATED: the fields given, reachedAt when cleared).
OPTIONAL MATCH (milestone:Milestone {id: $milestoneId})-[:PART_OF]->(project:Project)
  WHERE {{milestone_visible}}
WITH milestone, project,
  CASE
    WHEN milestone IS NULL THEN 'NOT_FOUND'
    WHEN NOT {{works_on}} THEN 'FORBIDDEN'
    ELSE 'DONE'
  END AS outcome
CALL (milestone, outcome) {
  WITH milestone
  WHERE outcome = 'DONE'
  SET milestone += $changes
  WITH milestone
  WHERE $unreached
  REMOVE milestone.reachedAt
}
RETURN outcome, [{type: 'MILESTONE_CHANGED', subjectType: 'Milestone', subjectId: $milestoneId,
  projectId: project.id,
  payload: {change: 'UPDATED',
            fields: keys($changes) + CASE WHEN $unreached AND NOT 'reachedAt' IN keys($changes)
                                          THEN ['reachedAt'] ELSE [] END,
            title: milestone.title, dueDate: milestone.dueDate,
            reachedAt: milestone.reachedAt}}] AS events
