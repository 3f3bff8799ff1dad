// Take the write lock of person `$id` (in a transaction the test rolls back).
MATCH (u:User {id: $id}) SET u.displayName = u.displayName
