// Whether the viewer works on project `n` (in any role): who keeps its work plan (activities,
// milestones) and its results.
EXISTS { (n)<-[:WORKS_ON]-(:User {id: $viewerId}) }
