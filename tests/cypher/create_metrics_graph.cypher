// A collaboration network whose metrics are known by construction (tests/test_network_metrics.py):
// S3 areas, organizations, a viewer, and projects tagged with one area each, with their status
// and their partner organizations (`candidate` on those not yet confirmed). Every node is
// marked with `probe` so that delete_probe removes it.
CALL () {
  UNWIND $areas AS row
  CREATE (:S3Area:Probe {id: row.id, code: row.code, nameIt: row.name, nameEn: row.name,
                         period: '2021-2027', probe: $probe})
}
CALL () {
  UNWIND $organizations AS row
  CREATE (:Organization:Probe {id: row.id, name: row.name, kind: 'SME', country: 'IT',
                               probe: $probe})
}
CALL () {
  CREATE (:User:Probe {id: $viewer, handle: $viewerHandle, displayName: 'Metrics analyst',
                       createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $projects AS row
  MATCH (area:S3Area {id: row.area})
  CREATE (project:Project:Probe {id: row.id, title: row.title, status: row.status,
                                 startDate: row.startDate, endDate: row.endDate, probe: $probe})
         -[:TAGGED]->(area)
  WITH project, row
  UNWIND row.partners AS partner
  MATCH (organization:Organization {id: partner.id})
  CREATE (organization)-[:PARTNER_IN {role: 'PARTNER', candidate: partner.candidate}]->(project)
}
