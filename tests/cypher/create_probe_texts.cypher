// Test organizations with the given names and descriptions, marked with `probe`.
UNWIND $organizations AS row
CREATE (:Organization:Probe {id: row.id, name: row.name, description: row.description, kind: 'SME',
                       country: 'IT', probe: $probe})
