// Open the session $sessionId of the person $userId with the hash of its first refresh token,
// valid $days days. When the code asks for it ($newHash not null: today's parameters are
// stronger), the password hash is replaced, provided it is still the one the password was
// checked against ($checkedHash). Repeating this changes nothing. No event: sessions and
// credentials are not platform content.
MATCH (user:User {id: $userId})
MERGE (session:Session {id: $sessionId})
  ON CREATE SET session.tokenHash = $tokenHash, session.createdAt = datetime(),
    session.expiresAt = datetime() + duration({days: $days}), session.previousTokenHashes = []
MERGE (session)-[:OF]->(user)
SET user.passwordHash = CASE WHEN $newHash IS NOT NULL AND user.passwordHash = $checkedHash
                             THEN $newHash ELSE user.passwordHash END
RETURN session.id AS sessionId
