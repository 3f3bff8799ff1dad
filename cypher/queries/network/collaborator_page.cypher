// One page of the collaborators `other` ranked by `sortKey` (network/collaborators): those
// after the cursor, in order, one more than asked (whether more follow). The keyset
// fragments are the code's (schema/pagination.py).
WHERE $cursorId IS NULL
   OR sortKey {{cmp}} {{cursor_key}}
   OR (sortKey = {{cursor_key}} AND other.id {{cmp}} $cursorId)
WITH other, weight, shared, sortKey
ORDER BY sortKey {{direction}}, other.id {{direction}}
LIMIT $limit
