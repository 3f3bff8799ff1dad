// The viewer stops following the node `n` of `label` with id $subjectId, if the viewer may see
// it; nothing changes when the viewer did not follow it. `label` and `visible` are fixed by
// the code (schema/actors/follow_mutations.py), which passes the GraphQL type of the node as
// $subjectType. Event: UNFOLLOWED (on the node, visible as it is), when the viewer followed it.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:{{label}} {id: $subjectId})
  WHERE {{visible}}
WITH viewer, n, EXISTS { (viewer)-[:FOLLOWS]->(n) } AS followed
CALL (viewer, n) {
  OPTIONAL MATCH (viewer)-[follow:FOLLOWS]->(n)
  DELETE follow
}
RETURN CASE WHEN n IS NULL THEN 'NOT_FOUND' ELSE 'DONE' END AS outcome,
  CASE WHEN followed THEN [{type: 'UNFOLLOWED', subjectType: $subjectType,
    subjectId: $subjectId,
    communityId: CASE WHEN $subjectType = 'Community' THEN $subjectId END,
    projectId: CASE WHEN $subjectType = 'Project' THEN $subjectId END}] ELSE [] END AS events
