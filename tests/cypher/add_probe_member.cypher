// One more member of a test organization.
MATCH (o:Organization {id: $organization})
CREATE (u:User:Probe {id: $id, handle: $handle, displayName: $displayName, createdAt: datetime(),
                probe: o.probe})
CREATE (u)-[:MEMBER_OF {role: 'MEMBER', since: date()}]->(o)
