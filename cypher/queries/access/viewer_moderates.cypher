// The viewer moderates the platform: a facilitator (who validates proposals and moderates) or a
// platform admin, by the list `platformRoles` of the viewer's User node.
EXISTS {
  (viewer:User {id: $viewerId})
  WHERE any(role IN viewer.platformRoles WHERE role IN ['FACILITATOR', 'PLATFORM_ADMIN'])
}
