// Remove everything a test created under its probe marker. Every probe node carries the label
// Probe besides its own, so this reads the index of probe_index.cypher instead of every node.
MATCH (n:Probe {probe: $probe})
DETACH DELETE n
