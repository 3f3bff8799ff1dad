// The viewer's profile takes the properties in $changes (only those the input named; a null
// removes the property). No placeholders.
MATCH (viewer:User {id: $viewerId})
SET viewer += $changes
RETURN 'DONE' AS outcome
