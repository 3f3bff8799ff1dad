// Whether the viewer may see the private side of project `n` (its budget lines and the totals
// made from them, its documents): the people working on it, the members of its partner
// organizations, and platform admins.
EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/platform_admin(viewer)}}
     OR EXISTS { (viewer)-[:WORKS_ON]->(n) }
     OR EXISTS { (viewer)-[:MEMBER_OF]->(:Organization)-[:PARTNER_IN]->(n) }
}
