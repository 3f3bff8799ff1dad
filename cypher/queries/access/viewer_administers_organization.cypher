// Whether the viewer is an admin of organization `n`.
EXISTS { (n)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User {id: $viewerId}) }
