// The floor of the community page (benchmarks/peer_pages.py): its active members counted,
// its latest discussions with their comment counts and authors.
MATCH (c:Community {id: $id})
RETURN c.name AS name, c.kind AS kind, c.access AS access,
  COUNT { (c)<-[:MEMBER_OF {status: 'ACTIVE'}]-(:User) } AS memberCount,
  COUNT { (c)<-[:IN]-(:Discussion) } AS discussionCount,
  COLLECT {
    MATCH (c)<-[:IN]-(d:Discussion)
    WITH d ORDER BY d.lastActivityAt DESC, d.id DESC LIMIT 10
    RETURN [d.title, d.lastActivityAt, COUNT { (d)<-[:ON]-(:Comment) },
            COLLECT { MATCH (d)<-[:AUTHORED]-(a:User) RETURN a.displayName }[0]]
  } AS discussions
