// The shortest ways actor `$fromId` is connected to actor `$toId` (each a person or an
// organization): every path of the fewest ties, up to `hops` of them, at most `$maxPaths`,
// each tie of one of the kinds asked and visible to the viewer (`tie`, the predicates
// network/tie_<kind> of those kinds). `found` says whether both actors exist for the viewer;
// no path is an empty list. `from_label`, `to_label`, their visibility rules (`from_visible`
// on `source`, `to_visible` on `target`), `types` (the relationship types of the kinds),
// `tie` and `hops` (1 to 6) are fixed by the code (schema/network/paths.py); values are
// parameters.
OPTIONAL MATCH (source:{{from_label}} {id: $fromId})
WHERE {{from_visible}}
OPTIONAL MATCH (target:{{to_label}} {id: $toId})
WHERE {{to_visible}}
CALL (source, target) {
  WITH source, target
  WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = ALL SHORTEST (source) ((x)-[r:{{types}}]-(y) WHERE {{tie}}){0,{{hops}}} (target)
  WITH path
  LIMIT $maxPaths
  RETURN collect({
    nodes: [node IN nodes(path) | {id: node.id, labels: labels(node)}],
    ties: [tie IN relationships(path) | {type: type(tie), start: startNode(tie).id,
                                         community: endNode(tie):Community}]
  }) AS paths
}
RETURN source IS NOT NULL AND target IS NOT NULL AS found, paths
