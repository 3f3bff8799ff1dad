// Level `level` of a neighbourhood (queries/network/ego_network): the nodes one tie from
// those of level `previous` that neither the actor nor a nearer level holds (`unreached`,
// a node `y` in none of the `nearer` levels). It reads nothing once the nearer levels hold
// more than `$maxNodes` nodes (`nearer_count`): the answer keeps the nearest. The names and
// counts are fixed by the code (schema/network/ego.py).
CALL (ego, {{nearer}}) {
  WITH ego, {{nearer}}
  WHERE {{nearer_count}} <= $maxNodes
  UNWIND {{previous}} AS x
  MATCH (x)-[r:{{types}}]-(y)
  WHERE y <> ego AND {{tie}}
  WITH DISTINCT y
  WHERE {{unreached}}
  RETURN collect(y) AS {{level}}
}
