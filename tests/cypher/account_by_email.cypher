// The accounts whose lower-cased email is $emailKey, with their password hash and sessions.
MATCH (user:User {emailKey: $emailKey})
RETURN user.id AS id, user.handle AS handle, user.passwordHash AS passwordHash,
       COUNT { (user)<-[:OF]-(:Session) } AS sessions,
       COUNT { (user)<-[:OF]-(session:Session) WHERE session.revokedAt IS NULL } AS openSessions
