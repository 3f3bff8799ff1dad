// Create the account $id unless its email or its handle is taken, whatever their case; answers
// DONE, EMAIL_TAKEN or HANDLE_TAKEN. Between concurrent registrations the uniqueness
// constraints on emailKey and handleKey decide: the later transaction fails with a constraint
// error, which the code answers as TAKEN. A retry of a registration that was committed finds
// its own account ($id) and answers DONE again. Event: USER_REGISTERED (the handle and display
// name, never the email), visible as people are (to all), when the account is new.
OPTIONAL MATCH (byEmail:User {emailKey: $emailKey}) WHERE byEmail.id <> $id
OPTIONAL MATCH (byHandle:User {handleKey: $handleKey}) WHERE byHandle.id <> $id
WITH byEmail, byHandle, NOT EXISTS { (:User {id: $id}) } AS fresh
CALL (byEmail, byHandle) {
  WITH byEmail, byHandle
  WHERE byEmail IS NULL AND byHandle IS NULL
  MERGE (user:User {id: $id})
    ON CREATE SET user.email = $email, user.emailKey = $emailKey, user.handle = $handle,
      user.handleKey = $handleKey, user.displayName = $displayName,
      user.passwordHash = $passwordHash, user.createdAt = datetime()
}
RETURN CASE WHEN byEmail IS NOT NULL THEN 'EMAIL_TAKEN'
            WHEN byHandle IS NOT NULL THEN 'HANDLE_TAKEN'
            ELSE 'DONE' END AS outcome,
  CASE WHEN fresh THEN [{type: 'USER_REGISTERED', subjectType: 'User', subjectId: $id,
    payload: {handle: $handle, displayName: $displayName}}] ELSE [] END AS events
