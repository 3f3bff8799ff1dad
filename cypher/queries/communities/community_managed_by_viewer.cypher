// The viewer manages community `n`: an ACTIVE membership with the role MANAGER.
EXISTS { (n)<-[:MEMBER_OF {role: 'MANAGER', status: 'ACTIVE'}]-(:User {id: $viewerId}) }
