// Whether the viewer is an active manager of community `n`.
EXISTS { (n)<-[:MEMBER_OF {role: 'MANAGER', status: 'ACTIVE'}]-(:User {id: $viewerId}) }
