// Person `n` moderates the platform: a facilitator (who validates proposals and moderates) or a
// platform admin, by the list `platformRoles` of the User node.
any(role IN n.platformRoles WHERE role IN ['FACILITATOR', 'PLATFORM_ADMIN'])
