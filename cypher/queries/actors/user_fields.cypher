.id, .handle, .displayName, .headline, .bio, .locale, .province, .createdAt,
followerCount: COUNT { (n)<-[:FOLLOWS]-(:User) }
