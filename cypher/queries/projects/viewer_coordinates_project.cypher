// Whether the viewer is an admin of the coordinator of project `n`: who answers for the
// project's partners and budget (and may let its budget lines exceed the total).
EXISTS {
  MATCH (n)<-[:PARTNER_IN {role: 'COORDINATOR'}]-(:Organization)
        <-[:MEMBER_OF {role: 'ADMIN'}]-(:User {id: $viewerId})
}
