// A project with the people of every role towards it, and a published proposal with
// expressions of interest, all marked with `probe`: organizations $organizations (id, name),
// users $users (id, handle, platformRoles), memberships $memberships (user, organization,
// role), the project $project (PARTNER_IN $partners, WORKS_ON $workers) and proposal
// $proposal (proposed by $proposer) with $interests (id, user, organization, status).
CALL () {
  UNWIND $organizations AS row
  CREATE (:Organization:Probe {id: row.id, name: row.name, kind: 'SME', country: 'IT',
                               probe: $probe})
}
CALL () {
  UNWIND $users AS row
  CREATE (:User:Probe {id: row.id, handle: row.handle, displayName: row.handle,
                       platformRoles: row.platformRoles, createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $memberships AS row
  MATCH (u:User {id: row.user}), (o:Organization {id: row.organization})
  CREATE (u)-[:MEMBER_OF {role: row.role, since: date()}]->(o)
}
CREATE (p:Project:Probe {id: $project.id, title: 'Probe project', status: 'PLANNED',
                         startDate: date('2025-01-01'), endDate: date('2026-12-31'),
                         totalBudget: $project.totalBudget, currency: 'EUR', probe: $probe})
WITH p
CALL (p) {
  UNWIND $partners AS row
  MATCH (o:Organization {id: row.organization})
  CREATE (o)-[:PARTNER_IN {role: row.role, budget: 0}]->(p)
}
CALL (p) {
  UNWIND $workers AS row
  MATCH (u:User {id: row.user})
  CREATE (u)-[:WORKS_ON {role: row.role}]->(p)
}
CREATE (q:Proposal:Probe {id: $proposal.id, title: 'Probe proposal', summary: 'Seeking partners',
                          status: $proposal.status, origin: 'TERRITORY', kind: 'COLLABORATION',
                          closesOn: date('9999-12-31'), createdAt: datetime(), probe: $probe})
WITH q
MATCH (proposer:User {id: $proposer})
CREATE (proposer)-[:PROPOSED]->(q)
WITH q
UNWIND $interests AS row
MATCH (u:User {id: row.user}), (o:Organization {id: row.organization})
CREATE (u)-[:EXPRESSED]->(e:ExpressionOfInterest:Probe {id: row.id, status: row.status,
                                                        createdAt: datetime(), probe: $probe})
       -[:FOR]->(q)
CREATE (e)-[:ON_BEHALF_OF]->(o)
