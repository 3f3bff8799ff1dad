// The network probe graph (tests/network_graph.py): S3 areas, organizations, projects with
// their partners, people with their organizations, projects and communities. Every node
// carries `probe` and the label Probe, so delete_probe removes it all.
CALL () {
  UNWIND $areas AS row
  CREATE (:S3Area:Probe {id: row.id, code: row.code, nameIt: row.code, nameEn: row.code,
                         period: '2021-2027', probe: $probe})
}
CALL () {
  UNWIND $organizations AS row
  CREATE (:Organization:Probe {id: row.id, name: row.name, kind: row.kind,
                               province: row.province, country: 'IT', probe: $probe})
}
CALL () {
  UNWIND $users AS row
  CREATE (:User:Probe {id: row.id, handle: row.handle, displayName: row.displayName,
                       platformRoles: row.platformRoles, createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $projects AS row
  CREATE (p:Project:Probe {id: row.id, title: row.title, acronym: row.title,
                           status: row.status, startDate: date(row.startDate),
                           endDate: date(row.endDate), currency: 'EUR', probe: $probe})
  WITH p, row
  UNWIND row.areas AS areaId
  MATCH (area:S3Area {id: areaId})
  CREATE (p)-[:TAGGED]->(area)
}
CALL () {
  UNWIND $partners AS row
  MATCH (o:Organization {id: row.organization}), (p:Project {id: row.project})
  CREATE (o)-[r:PARTNER_IN {role: row.role, budget: 0}]->(p)
  SET r.candidate = row.candidate
}
CALL () {
  UNWIND $works AS row
  MATCH (u:User {id: row.user}), (p:Project {id: row.project})
  CREATE (u)-[:WORKS_ON {role: 'RESEARCHER'}]->(p)
}
CALL () {
  UNWIND $employments AS row
  MATCH (u:User {id: row.user}), (o:Organization {id: row.organization})
  CREATE (u)-[:MEMBER_OF {role: row.role, since: date('2020-01-01')}]->(o)
}
CALL () {
  UNWIND $communities AS row
  CREATE (:Community:Probe {id: row.id, name: row.name, kind: 'INTEREST', access: row.access,
                            createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $memberships AS row
  MATCH (u:User {id: row.user}), (c:Community {id: row.community})
  CREATE (u)-[:MEMBER_OF {role: 'PARTICIPANT', status: row.status,
                          since: date('2021-01-01')}]->(c)
}
