// Remove what the workflow tests made: the proposals and expressions of interest of the probe
// people (made through the API, so without the Probe label), every notification about them or
// for the probe people, then every probe node.
CALL () {
  MATCH (:User:Probe {probe: $probe})-[:PROPOSED|EXPRESSED]->(made)
  OPTIONAL MATCH (made)<-[:FOR]-(interest:ExpressionOfInterest)
  WITH collect(made) + collect(interest) AS things
  UNWIND things AS thing
  OPTIONAL MATCH (thing)<-[:ABOUT]-(notice:Notification)
  WITH collect(DISTINCT thing) AS things, collect(DISTINCT notice) AS notices
  FOREACH (x IN notices | DETACH DELETE x)
  FOREACH (x IN things | DETACH DELETE x)
}
CALL () {
  MATCH (:User:Probe {probe: $probe})<-[:FOR]-(notice:Notification)
  DETACH DELETE notice
}
CALL () {
  MATCH (n:Probe {probe: $probe})
  DETACH DELETE n
}
