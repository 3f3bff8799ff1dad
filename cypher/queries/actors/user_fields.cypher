.id, .handle, .displayName, .headline, .bio, .locale, .province, .createdAt
