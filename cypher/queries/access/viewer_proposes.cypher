// Whether the viewer speaks for the proposer of proposal `n`: the person who PROPOSED it, or an
// admin of the organization that PROPOSED it. Walked from the viewer (a handful of
// memberships), never from the proposal, whose organization may have thousands of members.
EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE EXISTS { (viewer)-[:PROPOSED]->(n) }
     OR EXISTS { (viewer)-[:MEMBER_OF {role: 'ADMIN'}]->(:Organization)-[:PROPOSED]->(n) }
}
