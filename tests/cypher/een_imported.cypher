// The proposals whose external reference contains $run (an EEN test's references), each with
// its keywords, and the documents attached to them with every earlier version.
MATCH (p:Proposal)
WHERE p.externalRef CONTAINS $run
RETURN p.externalRef AS reference, p.status AS status, p.title AS title,
  [(p)-[:HAS_KEYWORD]->(k) | k.scheme + ' ' + k.code] AS keywords,
  [(p)<-[:ATTACHED_TO]-(d:Document) | d.provenance] AS documents
ORDER BY reference
