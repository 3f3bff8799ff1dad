// Replace the password hash of the account $emailKey (to test rehashing on sign-in).
MATCH (user:User {emailKey: $emailKey})
SET user.passwordHash = $passwordHash
