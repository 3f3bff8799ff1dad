// Remove everything a test created under its probe marker.
MATCH (n {probe: $probe})
DETACH DELETE n
