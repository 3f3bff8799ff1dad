// Whether the session $sessionId of the person $userId is open (neither revoked nor expired):
// one row when it is, none otherwise. Read for each signed-in request (app/authentication.py).
MATCH (session:Session {id: $sessionId})-[:OF]->(:User {id: $userId})
WHERE session.revokedAt IS NULL AND session.expiresAt > datetime()
RETURN session.id AS sessionId
