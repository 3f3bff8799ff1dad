// The floor of the open proposals by S3 area and competence (benchmarks/peer_lists.py):
// published, deadline not passed, tagged with the area, seeking the competence or a narrower
// one; the first 20 by deadline, and how many there are.
MATCH (:Competence {id: $competence})<-[:BROADER*0..]-(:Competence)<-[:SEEKS]-
      (p:Proposal {status: 'PUBLISHED'})-[:TAGGED]->(:S3Area {id: $area})
WHERE p.deadline >= date()
WITH DISTINCT p
ORDER BY p.deadline, p.id
WITH collect(p) AS found
RETURN size(found) AS totalCount, COLLECT {
  UNWIND found[..20] AS p
  RETURN [p.title, p.kind, p.deadline,
          COLLECT { MATCH (p)<-[:PROPOSED]-(o:Organization) RETURN o.name }[0],
          COLLECT { MATCH (p)-[:SEEKS]->(c:Competence)
                    WITH c ORDER BY c.name, c.id LIMIT 5 RETURN c.name }]
} AS proposals
