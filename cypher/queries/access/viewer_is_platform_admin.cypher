// Whether the viewer is a platform admin (who may do everything).
EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/platform_admin(viewer)}} }
