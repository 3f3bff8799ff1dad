// Whether the viewer may see what community `n` holds (its discussions and their comments, its
// documents, its member list beyond the counts): everyone for an OPEN community; for a RESERVED
// or CLOSED one its ACTIVE members, facilitators and platform admins. Whoever may see the
// content may see the community (community_visible).
n.access = 'OPEN'
OR EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/moderator(viewer)}}
     OR EXISTS { (viewer)-[:MEMBER_OF {status: 'ACTIVE'}]->(n) }
}
