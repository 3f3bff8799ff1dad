// A test organization with members, all marked with `probe` so the test can remove them.
CREATE (o:Organization:Probe {id: $organization, name: $name, kind: 'SME', country: 'IT', probe: $probe})
WITH o
UNWIND $members AS member
CREATE (u:User:Probe {id: member.id, handle: member.handle, displayName: member.displayName,
                createdAt: datetime(), probe: $probe})
CREATE (u)-[:MEMBER_OF {role: 'MEMBER', since: date()}]->(o)
