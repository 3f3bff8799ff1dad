// The nodes of `nodes` (the actor, or the nodes kept of one level of a neighbourhood:
// queries/network/ego_network) that are listed, those of the types `$nodeTypes`, each as
// [id, type, distance, label, node]: `distance` is fixed by the code (schema/network/
// ego.py). The node itself, last, is for the ties among them, never returned; the rest is a
// list with no key names, there being hundreds.
[y IN {{nodes}} WHERE any(type IN labels(y) WHERE type IN $nodeTypes)
 | [y.id, [type IN labels(y) WHERE type IN $nodeTypes][0], {{distance}},
    {{rule network/node_label(y)}}, y]]
