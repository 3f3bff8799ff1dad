// The viewer follows the node `n` of `label` with id $subjectId, if the viewer may see it
// (`visible`, the label's visibility rule); once, however often asked and however many
// requests ask at the same time (MERGE locks both ends before it creates the relationship).
// `label` and `visible` are fixed by the code (schema/actors/follow_mutations.py), which
// passes the GraphQL type of the node as $subjectType. Event: FOLLOWED (on the node followed,
// visible as it is), when the viewer did not follow it yet.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:{{label}} {id: $subjectId})
  WHERE {{visible}}
WITH viewer, n, EXISTS { (viewer)-[:FOLLOWS]->(n) } AS followed
CALL (viewer, n) {
  WITH viewer, n
  WHERE n IS NOT NULL AND n <> viewer
  MERGE (viewer)-[follow:FOLLOWS]->(n)
    ON CREATE SET follow.since = datetime()
}
RETURN CASE WHEN n IS NULL THEN 'NOT_FOUND' WHEN n = viewer THEN 'NOT_ALLOWED' ELSE 'DONE' END
  AS outcome,
  CASE WHEN followed THEN [] ELSE [{type: 'FOLLOWED', subjectType: $subjectType,
    subjectId: $subjectId,
    communityId: CASE WHEN $subjectType = 'Community' THEN $subjectId END,
    projectId: CASE WHEN $subjectType = 'Project' THEN $subjectId END}] END AS events
