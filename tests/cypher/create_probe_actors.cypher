// A test organization and people, all marked with `probe`: each person of $people has a role
// in the organization (ADMIN, MEMBER) or none (null), and platform roles.
CREATE (o:Organization:Probe {id: $organization, name: $name, kind: 'SME', country: 'IT',
                              probe: $probe})
WITH o
UNWIND $people AS person
CREATE (u:User:Probe {id: person.id, handle: person.handle, displayName: person.displayName,
                      locale: 'it', createdAt: datetime(), platformRoles: person.platformRoles,
                      probe: $probe})
FOREACH (role IN CASE WHEN person.role IS NULL THEN [] ELSE [person.role] END |
  CREATE (u)-[:MEMBER_OF {role: role, since: date()}]->(o))
