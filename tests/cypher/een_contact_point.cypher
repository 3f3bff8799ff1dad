// The id of the organization holding the EEN contact point (none: no row).
MATCH (:EenContactPoint {id: 'een'})-[:HELD_BY]->(organization:Organization)
RETURN organization.id AS id
