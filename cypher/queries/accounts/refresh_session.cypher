// Rotate the refresh token of the session $sessionId. Answers, with the session's person:
// - DONE when $tokenHash is the current token of an open session: $newTokenHash replaces it,
//   the old hash joins the $keep most recently rotated ones, the session lasts $days more days
//   (and DONE again when a retry of this very call finds $newTokenHash already in place);
// - REUSED when $tokenHash is a token rotated before: it leaked or was copied, so the session
//   is revoked, which stops every token of it;
// - INVALID otherwise (revoked, expired, or a token this session never had).
// No event: sessions and credentials are not platform content.
MATCH (session:Session {id: $sessionId})-[:OF]->(user:User)
WITH session, user,
  CASE
    WHEN session.tokenHash = $newTokenHash THEN 'DONE'
    WHEN session.revokedAt IS NOT NULL OR session.expiresAt <= datetime() THEN 'INVALID'
    WHEN session.tokenHash = $tokenHash THEN 'ROTATE'
    WHEN $tokenHash IN coalesce(session.previousTokenHashes, []) THEN 'REUSED'
    ELSE 'INVALID'
  END AS outcome
CALL (session, outcome) {
  WITH session, outcome
  WHERE outcome = 'ROTATE'
  SET session.previousTokenHashes =
        ([session.tokenHash] + coalesce(session.previousTokenHashes, []))[..$keep],
      session.tokenHash = $newTokenHash, session.refreshedAt = datetime(),
      session.expiresAt = datetime() + duration({days: $days})
}
CALL (session, outcome) {
  WITH session, outcome
  WHERE outcome = 'REUSED'
  SET session.revokedAt = datetime()
}
RETURN CASE outcome WHEN 'ROTATE' THEN 'DONE' ELSE outcome END AS outcome, user.id AS userId
