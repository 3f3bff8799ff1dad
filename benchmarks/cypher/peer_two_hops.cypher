// The floor of the organizations two ties away (benchmarks/peer_lists.py): partners in the
// same projects (confirmed, not cancelled), or organizations sharing a member.
MATCH (o:Organization {id: $id})-[first:PARTNER_IN|MEMBER_OF]-(middle)
      -[second:PARTNER_IN|MEMBER_OF]-(other:Organization)
WHERE other <> o
  AND ((middle:Project AND middle.status <> 'CANCELLED'
        AND NOT coalesce(first.candidate, false) AND NOT coalesce(second.candidate, false))
       OR middle:User)
WITH DISTINCT other ORDER BY other.name
RETURN collect(other.name) AS organizations
