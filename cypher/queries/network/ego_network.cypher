// The neighbourhood of actor `$egoId` (a person or an organization): the nodes within the
// depth asked, each tie of one of the kinds asked and visible to the viewer (`tie`, the
// predicates network/tie_<kind> of those kinds), the nearest first (those at the same
// distance by id), at most `$maxNodes` of them besides the actor, of every type; of those,
// the nodes of the types `$nodeTypes` are listed, and every tie among them when asked
// (`$withTies`: a list of the nodes alone costs no tie). `found` says whether the actor
// exists for the viewer, `more` whether nodes were left out. `label`, `visible` (its rule on
// `ego`), `types` (the relationship types of the kinds), `tie`, `levels`, `listed` and
// `reached_count` are fixed by the code (schema/network/ego.py); values are parameters.
//
// The nodes are found one distance at a time (breadth first): `level1` here, each further
// level in `levels` (network/ego_network_level, one per tie of the depth), those one tie from
// the level before that no nearer level holds. Each node is reached once, at its fewest ties,
// however many walks lead to it; a level past levels that already hold more than `$maxNodes`
// nodes reads nothing. Each level is a list, in no order: only the level where the bound falls
// is put in id order, to keep its first nodes (network/ego_network_kept; `reached_count`
// counts the nodes of every level). `listed` joins the actor and the nodes kept of each level,
// those of the types listed, as rows (network/ego_network_listed). The levels are joined as
// lists, never unwound into rows that would each carry them, and the rows are made in list
// expressions, where the nodes are, rather than by unwinding the nodes to collect them again.
OPTIONAL MATCH (ego:{{label}} {id: $egoId})
WHERE {{visible}}
CALL (ego) {
  WITH ego AS x
  WHERE x IS NOT NULL
  MATCH (x)-[r:{{types}}]-(y)
  WHERE y <> x AND {{tie}}
  RETURN collect(DISTINCT y) AS level1
}
{{levels}}
WITH ego, {{reached_count}} > $maxNodes AS more, {{listed}} AS listed
CALL (listed) {
  WITH listed WHERE $withTies
  WITH [row IN listed | row[4]] AS members
  UNWIND members AS x
  MATCH (x)-[r:{{types}}]->(y)
  WHERE y IN members AND {{tie}}
  RETURN collect({source: x.id, target: y.id, type: type(r), community: y:Community}) AS ties
}
RETURN ego IS NOT NULL AS found, more, [row IN listed | row[..4]] AS nodes, ties
