// Whether the viewer facilitates: validates proposals and moderates (platform admins too).
EXISTS {
  MATCH (facilitator:User {id: $viewerId})
  WHERE any(role IN coalesce(facilitator.platformRoles, [])
            WHERE role IN ['FACILITATOR', 'PLATFORM_ADMIN'])
}
