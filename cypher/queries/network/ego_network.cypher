// The neighbourhood of actor `$egoId` (a person or an organization): the nodes within `$depth`
// ties of it (1 to 3), each tie of one of the kinds `$ties` and visible to the viewer
// (network/tie), the nearest first (those at the same distance by id), at most `$maxNodes`
// of them besides the actor, of every type; of those, the nodes of the types `$nodeTypes`
// are listed, and every tie among them when asked (`$withTies`: a list of the nodes alone
// costs no tie). `found` says whether the actor exists for the viewer, `more` whether nodes
// were left out. `label`, `visible` (its rule on `ego`) and `types` (the relationship types
// of `$ties`) are fixed by the code (schema/network/ego.py); values are parameters.
//
// The nodes are found one distance at a time (breadth first): those one tie from the nodes
// of the level before that no nearer level holds. Each node is reached once, at its fewest
// ties, however many walks lead to it; a level past `$depth`, or past levels that already
// hold more than `$maxNodes` nodes (the answer keeps the nearest), reads nothing. Each level is
// kept as a list (in id order) and the levels are joined as lists, never unwound into rows
// that would each carry them.
OPTIONAL MATCH (ego:{{label}} {id: $egoId})
WHERE {{visible}}
CALL (ego) {
  WITH ego AS x
  WHERE x IS NOT NULL
  MATCH (x)-[r:{{types}}]-(y)
  WHERE y <> x AND {{tie}}
  WITH DISTINCT y ORDER BY y.id
  RETURN collect(y) AS level1
}
CALL (ego, level1) {
  WITH ego, level1
  WHERE $depth >= 2 AND size(level1) <= $maxNodes
  UNWIND level1 AS x
  MATCH (x)-[r:{{types}}]-(y)
  WHERE y <> ego AND NOT y IN level1 AND {{tie}}
  WITH DISTINCT y ORDER BY y.id
  RETURN collect(y) AS level2
}
CALL (ego, level1, level2) {
  WITH ego, level1, level2
  WHERE $depth >= 3 AND size(level1) + size(level2) <= $maxNodes
  UNWIND level2 AS x
  MATCH (x)-[r:{{types}}]-(y)
  WHERE y <> ego AND NOT y IN level1 AND NOT y IN level2 AND {{tie}}
  WITH DISTINCT y ORDER BY y.id
  RETURN collect(y) AS level3
}
WITH ego, [y IN level1 | {node: y, distance: 1}] + [y IN level2 | {node: y, distance: 2}]
          + [y IN level3 | {node: y, distance: 3}] AS reached
WITH ego, [{node: ego, distance: 0}] + reached[..$maxNodes] AS kept,
     size(reached) > $maxNodes AS more
WITH ego, kept, more,
     [item IN kept WHERE any(type IN labels(item.node) WHERE type IN $nodeTypes) | item.node]
       AS members
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
  WITH node, distance, [type IN labels(node) WHERE type IN $nodeTypes][0] AS type
  WHERE type IS NOT NULL
  // a row per node listed (of one of the types `$nodeTypes`; the walk went through every
  // type), [id, type, distance, label]: there may be hundreds, and a list carries no key names
  RETURN collect([node.id, type, distance, {{rule network/node_label(node)}}]) AS nodes
}
RETURN ego IS NOT NULL AS found, more, nodes, ties
