// The floor of the collaborators of an organization in an S3 area (benchmarks/peer_lists.py):
// confirmed partners in the same projects tagged with the area, not cancelled, heaviest first.
MATCH (o:Organization {id: $id})-[mine:PARTNER_IN]->(p:Project)<-[theirs:PARTNER_IN]-(other:Organization)
WHERE other <> o AND p.status <> 'CANCELLED'
  AND NOT coalesce(mine.candidate, false) AND NOT coalesce(theirs.candidate, false)
  AND EXISTS { (p)-[:TAGGED]->(:S3Area {id: $area}) }
WITH other, count(DISTINCT p) AS weight
ORDER BY weight DESC, other.id
LIMIT 20
RETURN collect([other.name, other.province, weight]) AS collaborators
