// The viewer is a platform admin, who may see everything: the role is in the list
// `platformRoles` of the viewer's User node (absent: no platform role). False for anonymous
// visitors ($viewerId null matches no user).
EXISTS { (viewer:User {id: $viewerId}) WHERE 'PLATFORM_ADMIN' IN viewer.platformRoles }
