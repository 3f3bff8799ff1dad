// Revoke the session $sessionId of the person $userId (signing out): its refresh token and
// access tokens stop working. Revoking twice keeps the first time. No event: sessions and
// credentials are not platform content.
MATCH (session:Session {id: $sessionId})-[:OF]->(:User {id: $userId})
SET session.revokedAt = coalesce(session.revokedAt, datetime())
RETURN count(session) AS revoked
