// Makes $organization (null: none) hold the EEN contact point, beside the API.
MATCH (point:EenContactPoint {id: 'een'})
OPTIONAL MATCH (point)-[held:HELD_BY]->()
DELETE held
WITH DISTINCT point
CALL (point) {
  MATCH (organization:Organization {id: $organization})
  CREATE (point)-[:HELD_BY]->(organization)
}
