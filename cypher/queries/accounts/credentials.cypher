// The id and password hash of the account whose email is $emailKey (lower-cased), if any.
MATCH (user:User {emailKey: $emailKey})
RETURN user.id AS id, user.passwordHash AS passwordHash
