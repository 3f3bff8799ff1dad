// The recommendation probe graph (tests/recommendation_graph.py): its own competences and S3
// areas, organizations, people, projects, proposals, expressions of interest and communities,
// then every relationship between them as `ties` ({from, type, to, properties}). Every node
// carries `probe` and the label Probe, so delete_probe removes it all.
CALL () {
  UNWIND $competences AS row
  CREATE (:Competence:Probe {id: row.id, name: row.name, nameIt: row.name, probe: $probe})
}
CALL () {
  UNWIND $areas AS row
  CREATE (:S3Area:Probe {id: row.id, code: row.name, nameIt: row.name, nameEn: row.name,
                         period: '2021-2027', probe: $probe})
}
CALL () {
  UNWIND $organizations AS row
  CREATE (:Organization:Probe {id: row.id, name: row.name, kind: 'SME', country: 'IT',
                               probe: $probe})
}
CALL () {
  UNWIND $users AS row
  CREATE (:User:Probe {id: row.id, handle: row.handle, displayName: row.name,
                       platformRoles: row.platformRoles, createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $projects AS row
  CREATE (:Project:Probe {id: row.id, title: row.name, acronym: row.name, status: row.status,
                          startDate: row.startDate, currency: 'EUR', probe: $probe})
}
CALL () {
  UNWIND $proposals AS row
  CREATE (:Proposal:Probe {id: row.id, title: row.name, kind: 'COLLABORATION',
                           origin: 'TERRITORY', status: row.status, deadline: row.deadline,
                           closesOn: coalesce(row.deadline, date('9999-12-31')),
                           collaborationTypes: ['RESEARCH'], createdAt: row.createdAt,
                           probe: $probe})
}
CALL () {
  UNWIND $interests AS row
  CREATE (:ExpressionOfInterest:Probe {id: row.id, status: 'SUBMITTED', createdAt: datetime(),
                                       probe: $probe})
}
CALL () {
  UNWIND $communities AS row
  CREATE (:Community:Probe {id: row.id, name: row.name, kind: 'THEMATIC_S3',
                            access: row.access, createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $ties AS row
  MATCH (from:Probe {probe: $probe, id: row.from}), (to:Probe {probe: $probe, id: row.to})
  CREATE (from)-[tie:$(row.type)]->(to)
  SET tie = row.properties
}
