// The neighbourhood of actor `$egoId` (a person or an organization): the nodes within `depth`
// ties of it (1 to 3), each tie of one of the kinds `$ties` and visible to the viewer
// (network/tie), the nearest first (those at the same distance by id), at most `$maxNodes`
// of them besides the actor; and every tie among them, when asked (`$withTies`: a list of the
// nodes alone costs no tie). `found` says whether the actor exists
// for the viewer, `more` whether nodes were left out. `label`, `visible` (its rule on `ego`),
// `types` (the relationship types of `$ties`) and `depth` are fixed by the code
// (schema/network/ego.py); values are parameters.
OPTIONAL MATCH (ego:{{label}} {id: $egoId})
WHERE {{visible}}
CALL (ego) {
  WITH ego
  WHERE ego IS NOT NULL
  MATCH path = SHORTEST 1 (ego) ((x)-[r:{{types}}]-(y) WHERE {{tie}}){1,{{depth}}} (n)
  WHERE n <> ego
  WITH n, length(path) AS distance
  ORDER BY distance, n.id
  LIMIT $maxNodes + 1
  RETURN collect({node: n, distance: distance}) AS reached
}
WITH ego, [{node: ego, distance: 0}] + reached[..$maxNodes] AS kept,
     size(reached) > $maxNodes AS more
WITH ego, kept, more, [item IN kept | item.node] AS members
CALL (members) {
  WITH members WHERE $withTies
  UNWIND members AS x
  MATCH (x)-[r:{{types}}]->(y)
  WHERE y IN members AND {{tie}}
  RETURN collect({source: x.id, target: y.id, type: type(r), community: y:Community}) AS ties
}
CALL (kept) {
  UNWIND kept AS item
  WITH item.node AS node, item.distance AS distance
  WHERE node IS NOT NULL
  RETURN collect({id: node.id, labels: labels(node), distance: distance,
                  label: {{rule network/node_label(node)}}}) AS nodes
}
RETURN ego IS NOT NULL AS found, more, nodes, ties
