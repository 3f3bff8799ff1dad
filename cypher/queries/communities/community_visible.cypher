// Communities the viewer may see: OPEN and RESERVED ones (a reserved community must be found to
// request to join it); a CLOSED one only to its ACTIVE or INVITED members, facilitators and
// platform admins. What a community holds follows community_content_visible. The viewer's
// roles are read from the viewer's node, found once by id (none for anonymous visitors).
n.access IN ['OPEN', 'RESERVED']
OR EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/moderator(viewer)}}
     OR EXISTS { (viewer)-[m:MEMBER_OF]->(n) WHERE m.status IN ['ACTIVE', 'INVITED'] }
}
