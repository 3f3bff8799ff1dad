// The viewer stops following the node `n` of `label` with id $subjectId, if the viewer may see
// it; nothing changes when the viewer did not follow it. `label` and `visible` are fixed by
// the code (schema/actors/follow_mutations.py).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:{{label}} {id: $subjectId})
  WHERE {{visible}}
CALL (viewer, n) {
  OPTIONAL MATCH (viewer)-[follow:FOLLOWS]->(n)
  DELETE follow
}
RETURN CASE WHEN n IS NULL THEN 'NOT_FOUND' ELSE 'DONE' END AS outcome
