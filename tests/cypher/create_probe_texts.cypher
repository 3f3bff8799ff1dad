// Test organizations and communities with the given names and descriptions, marked with
// `probe` (and the :Probe label, for a fast clean-up); communities have the given access.
CALL () {
  UNWIND $organizations AS row
  CREATE (:Organization:Probe {id: row.id, name: row.name, description: row.description,
                               kind: 'SME', country: 'IT', probe: $probe})
}
CALL () {
  UNWIND $communities AS row
  CREATE (:Community:Probe {id: row.id, name: row.name, description: row.description,
                            kind: 'INTEREST', access: row.access, createdAt: datetime(),
                            probe: $probe})
}
