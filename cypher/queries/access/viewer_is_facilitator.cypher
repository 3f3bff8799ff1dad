// Whether the viewer facilitates: validates proposals and moderates (platform admins too).
EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/moderator(viewer)}} }
