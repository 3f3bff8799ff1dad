// Whether the viewer speaks for the proposer of proposal `n`: the person who PROPOSED it, or an
// admin of the organization that PROPOSED it.
EXISTS { (n)<-[:PROPOSED]-(:User {id: $viewerId}) }
OR EXISTS { (n)<-[:PROPOSED]-(:Organization)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User {id: $viewerId}) }
