// Person `n` is a platform admin, who may see everything: the role is in the list
// `platformRoles` of the User node (absent: no platform role).
'PLATFORM_ADMIN' IN n.platformRoles
