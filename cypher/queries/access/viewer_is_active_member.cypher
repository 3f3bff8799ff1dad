// Whether the viewer is an active member (participant or manager) of community `n`.
EXISTS { (n)<-[:MEMBER_OF {status: 'ACTIVE'}]-(:User {id: $viewerId}) }
