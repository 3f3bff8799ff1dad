// A probe for the community and content workflows: people (with their platform roles), S3 areas
// and the people interested in them, an organization with its members, communities with
// memberships, discussions, news, a published proposal and comments. Everything carries
// `probe` and the label Probe, so delete_probe removes it all.
CALL () {
  UNWIND $users AS u
  CREATE (:User:Probe {id: u.id, handle: u.handle, displayName: u.name, createdAt: datetime(),
                       platformRoles: u.roles, probe: $probe})
}
CALL () {
  UNWIND $areas AS areaId
  CREATE (:S3Area:Probe {id: areaId, code: 'P-' + areaId, nameIt: areaId, nameEn: areaId,
                         period: '2021-2027', probe: $probe})
}
CALL () {
  UNWIND $interests AS pair
  MATCH (u:User {id: pair.user}), (a:S3Area {id: pair.area})
  CREATE (u)-[:INTERESTED_IN]->(a)
}
CALL () {
  CREATE (o:Organization:Probe {id: $organization, name: 'Workflow ' + $probe, kind: 'SME',
                                country: 'IT', probe: $probe})
  WITH o
  UNWIND $organizationMembers AS userId
  MATCH (u:User {id: userId})
  CREATE (u)-[:MEMBER_OF {role: 'MEMBER', since: date()}]->(o)
}
CALL () {
  UNWIND $communities AS c
  CREATE (:Community:Probe {id: c.id, name: c.name, description: 'Probe', kind: 'INTEREST',
                            access: c.access, createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $memberships AS m
  MATCH (u:User {id: m.user}), (c:Community {id: m.community})
  CREATE (u)-[:MEMBER_OF {role: m.role, status: m.status, since: date()}]->(c)
}
CALL () {
  UNWIND $discussions AS d
  MATCH (c:Community {id: d.community}), (u:User {id: d.author})
  CREATE (u)-[:AUTHORED]->(:Discussion:Probe {id: d.id, title: 'Probe discussion',
    body: 'Probe', createdAt: datetime('2024-01-01T00:00:00Z'), locked: d.locked,
    lastActivityAt: datetime('2024-01-01T00:00:00Z'), probe: $probe})-[:IN]->(c)
}
CALL () {
  UNWIND $news AS n
  MATCH (u:User {id: n.author})
  CREATE (u)-[:AUTHORED]->(:News:Probe {id: n.id, title: 'Probe news', body: 'Probe',
                                       publishedAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $proposals AS p
  MATCH (u:User {id: p.author})
  CREATE (u)-[:PROPOSED]->(:Proposal:Probe {id: p.id, title: 'Probe proposal', summary: 'Probe',
    description: 'Probe', kind: 'COLLABORATION', origin: 'TERRITORY', status: p.status,
    collaborationTypes: ['RESEARCH'], developmentStage: 'IDEA', ipr: 'NONE',
    deadline: date('2030-01-01'), closesOn: date('2030-01-01'), country: 'IT', createdAt: datetime(), probe: $probe})
}
