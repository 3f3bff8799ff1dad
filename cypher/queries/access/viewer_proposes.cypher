// Whether the viewer speaks for the proposer of proposal `n`: its author, or an admin of the
// organization it was made for.
EXISTS { (n)<-[:PROPOSED]-(:User {id: $viewerId}) }
OR EXISTS { (n)<-[:PROPOSED]-(:Organization)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User {id: $viewerId}) }
