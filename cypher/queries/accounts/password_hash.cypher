// The password hash of the person $userId (null when they sign in only elsewhere).
MATCH (user:User {id: $userId})
RETURN user.passwordHash AS passwordHash
