// Which of $sessions ({sessionId, userId}) are still open (neither revoked nor expired): the
// credentials of every WebSocket connection of a process, checked together (app/websocket.py).
UNWIND $sessions AS asked
MATCH (session:Session {id: asked.sessionId})-[:OF]->(:User {id: asked.userId})
WHERE session.revokedAt IS NULL AND session.expiresAt > datetime()
RETURN session.id AS sessionId
