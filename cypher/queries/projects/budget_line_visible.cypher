// Budget lines are for those entitled to their project's private side (project_entitled).
EXISTS {
  MATCH (n)-[:OF]->(project:Project)
  WHERE {{rule projects/project_entitled(project)}}
}
