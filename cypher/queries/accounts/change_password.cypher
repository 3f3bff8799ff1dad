// Replace the password hash of the person $userId by $newHash, provided it is still the hash
// the current password was checked against ($checkedHash), and revoke every open session of
// theirs except $sessionId (the one asking; null revokes all). Answers DONE (also when a
// retry of this very call finds $newHash in place) or CHANGED (someone changed it meanwhile).
// No event: sessions and credentials are not platform content.
MATCH (user:User {id: $userId})
WITH user,
  CASE
    WHEN user.passwordHash = $newHash THEN 'DONE'
    WHEN user.passwordHash = $checkedHash THEN 'CHANGE'
    ELSE 'CHANGED'
  END AS outcome
CALL (user, outcome) {
  WITH user, outcome
  WHERE outcome = 'CHANGE'
  SET user.passwordHash = $newHash
  WITH user
  MATCH (session:Session)-[:OF]->(user)
  WHERE session.revokedAt IS NULL AND session.id <> coalesce($sessionId, '')
  SET session.revokedAt = datetime()
}
RETURN CASE outcome WHEN 'CHANGE' THEN 'DONE' ELSE outcome END AS outcome
