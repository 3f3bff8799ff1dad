// One page of the collaborators `other` ranked by `sortKey` (network/collaborators): those
// after the cursor, in order, as many as asked. The keyset fragments are the code's
// (schema/pagination.py).
WHERE $cursorId IS NULL
   OR sortKey {{cmp}} {{cursor_key}}
   OR (sortKey = {{cursor_key}} AND other.id {{cmp}} $cursorId)
ORDER BY sortKey {{direction}}, other.id {{direction}}
LIMIT $limit
