// The viewer's profile takes the properties in $changes (only those the input named; a null
// removes the property). No placeholders. Event: PROFILE_UPDATED (the names of the fields set,
// and the display name), unless $changes names none.
MATCH (viewer:User {id: $viewerId})
SET viewer += $changes
RETURN 'DONE' AS outcome,
  CASE WHEN size(keys($changes)) = 0 THEN [] ELSE [{type: 'PROFILE_UPDATED',
    subjectType: 'User', subjectId: $viewerId,
    payload: {fields: keys($changes), displayName: viewer.displayName}}] END AS events
