// The region's EEN contact point (schema/opportunities/een_mutations.py): one node, kept in the
// graph so that every replica of the API agrees, which `HELD_BY` the organization a platform
// admin names (none at first). Changing it locks this node, so concurrent changes leave one.
CREATE CONSTRAINT een_contact_point_id IF NOT EXISTS FOR (n:EenContactPoint) REQUIRE n.id IS UNIQUE;
MERGE (:EenContactPoint {id: 'een'});
