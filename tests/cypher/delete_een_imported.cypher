// Remove the proposals an EEN test imported (their references contain $run), their documents
// with every version, and the keywords no other proposal carries that the test made (codes
// outside the taxonomy).
MATCH (p:Proposal)
WHERE p.externalRef CONTAINS $run
OPTIONAL MATCH (p)<-[:ATTACHED_TO]-(:Document)-[:PREVIOUS_VERSION*0..]->(d:Document)
OPTIONAL MATCH (p)-[:HAS_KEYWORD]->(k:Keyword)
WHERE k.code IN $madeKeywords AND COUNT { (k)<-[:HAS_KEYWORD]-() } = 1
WITH collect(DISTINCT p) + collect(DISTINCT d) + collect(DISTINCT k) AS made
FOREACH (x IN made | DETACH DELETE x)
