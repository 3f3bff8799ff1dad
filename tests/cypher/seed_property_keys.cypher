// The property keys of the given nodes by label, and of the relationships between them by type.
CALL () {
  MATCH (n)
  WHERE n.id IN $ids
  UNWIND labels(n) AS label
  UNWIND keys(n) AS key
  RETURN collect(DISTINCT [label, key]) AS nodeKeys
}
CALL () {
  MATCH (a)-[r]->(b)
  WHERE a.id IN $ids AND b.id IN $ids
  WITH type(r) AS type, keys(r) AS keys
  UNWIND CASE keys WHEN [] THEN [null] ELSE keys END AS key
  RETURN collect(DISTINCT [type, key]) AS relationshipKeys
}
RETURN nodeKeys, relationshipKeys
