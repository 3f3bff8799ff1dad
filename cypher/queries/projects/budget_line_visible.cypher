// Budget lines are for the people working on their project and the members of its partner
// organizations only. Project documents follow the same rule (documents/document_visible).
$viewerId IS NOT NULL AND EXISTS {
  MATCH (n)-[:OF]->(entitledProject:Project)
  WHERE EXISTS { (entitledProject)<-[:WORKS_ON]-(:User {id: $viewerId}) }
     OR EXISTS { (entitledProject)<-[:PARTNER_IN]-(:Organization)<-[:MEMBER_OF]-(:User {id: $viewerId}) }
}
