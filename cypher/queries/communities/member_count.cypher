// How many people are active members of community `n`.
COUNT { (n)<-[:MEMBER_OF {status: 'ACTIVE'}]-() }
