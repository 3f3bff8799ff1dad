// Whether the viewer manages community `n`: its active managers and the platform admins, who
// see its pending memberships (requests, invitations, rejections) besides the person concerned.
// Walked from the viewer (a handful of memberships), never from the community.
EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/platform_admin(viewer)}}
     OR EXISTS { (viewer)-[:MEMBER_OF {role: 'MANAGER', status: 'ACTIVE'}]->(n) }
}
