// Proposals the viewer may see: PUBLISHED and CLOSED ones, everyone (a project may link to a
// closed call); any of their own to those who made it (access/viewer_proposes); those
// awaiting validation (TO_VALIDATE) or ARCHIVED also to facilitators; every one to platform
// admins.
n.status IN ['PUBLISHED', 'CLOSED']
OR EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/platform_admin(viewer)}}
     OR (n.status IN ['TO_VALIDATE', 'ARCHIVED'] AND {{rule access/moderator(viewer)}})
}
OR {{rule access/viewer_proposes}}
