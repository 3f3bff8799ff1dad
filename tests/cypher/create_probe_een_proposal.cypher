// A probe EEN proposal $id, PUBLISHED, with no proposer on the platform (as an imported EEN
// profile has none); and, when $interestStatus is given, an expression of interest $interest
// in it by $interested.
CREATE (p:Proposal:Probe {id: $id, title: 'EEN partnership profile', kind: 'TECHNOLOGY_OFFER',
                          origin: 'EEN', status: 'PUBLISHED', collaborationTypes: ['LICENSE'],
                          externalRef: 'TODE' + $id, country: 'DE', createdAt: datetime(),
                          closesOn: date('9999-12-31'),
                          probe: $probe})
WITH p
CALL (p) {
  MATCH (u:User {id: $interested})
  WHERE $interestStatus IS NOT NULL
  CREATE (u)-[:EXPRESSED]->(:ExpressionOfInterest:Probe {id: $interest, contribution: 'Probe',
          status: $interestStatus, createdAt: datetime(), probe: $probe})-[:FOR]->(p)
}
