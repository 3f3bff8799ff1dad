// Whether the viewer manages project `n`: an admin of its coordinator, or a person working on
// it as MANAGER (the role the model gives the project's day-to-day management).
EXISTS {
  MATCH (n)<-[:PARTNER_IN {role: 'COORDINATOR'}]-(:Organization)
        <-[:MEMBER_OF {role: 'ADMIN'}]-(:User {id: $viewerId})
}
OR EXISTS { (n)<-[:WORKS_ON {role: 'MANAGER'}]-(:User {id: $viewerId}) }
