// The floor of the three-level list (benchmarks/peer_lists.py): OPEN communities by name,
// their active members by display name, the members' organizations by name, $first of each.
MATCH (c:Community {access: 'OPEN'})
WITH c ORDER BY c.name, c.id LIMIT $first
RETURN collect([c.name, COLLECT {
  MATCH (c)<-[m:MEMBER_OF {status: 'ACTIVE'}]-(u:User)
  WITH m, u ORDER BY u.displayName, u.id LIMIT $first
  RETURN [m.role, u.displayName, COLLECT {
    MATCH (u)-[:MEMBER_OF]->(o:Organization)
    WITH o ORDER BY o.name, o.id LIMIT $first
    RETURN o.name
  }]
}]) AS communities
