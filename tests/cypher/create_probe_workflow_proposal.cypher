// A probe proposal in the status $status, proposed by $author and, when given, on behalf of
// the organization $organization, tagged with $areas and seeking $competences; and, when
// $interestStatus is given, an expression of interest $interest in it by $interested.
CREATE (p:Proposal:Probe {id: $id, title: 'Workflow proposal', kind: 'COLLABORATION',
                          origin: 'TERRITORY', status: $status, collaborationTypes: [],
                          closesOn: date('9999-12-31'), createdAt: datetime(), probe: $probe})
WITH p
MATCH (author:User {id: $author})
CREATE (author)-[:PROPOSED]->(p)
WITH p
CALL (p) {
  MATCH (o:Organization {id: $organization})
  CREATE (o)-[:PROPOSED]->(p)
}
CALL (p) {
  MATCH (a:S3Area) WHERE a.id IN $areas
  CREATE (p)-[:TAGGED]->(a)
}
CALL (p) {
  MATCH (c:Competence) WHERE c.id IN $competences
  CREATE (p)-[:SEEKS]->(c)
}
CALL (p) {
  MATCH (u:User {id: $interested})
  WHERE $interestStatus IS NOT NULL
  CREATE (u)-[:EXPRESSED]->(:ExpressionOfInterest:Probe {id: $interest, contribution: 'Probe',
          status: $interestStatus, createdAt: datetime(), probe: $probe})-[:FOR]->(p)
}
