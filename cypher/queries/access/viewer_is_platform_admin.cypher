// Whether the viewer is a platform admin (who may do everything).
EXISTS {
  MATCH (admin:User {id: $viewerId})
  WHERE 'PLATFORM_ADMIN' IN coalesce(admin.platformRoles, [])
}
