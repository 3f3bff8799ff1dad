// Whether the viewer may import EEN profiles over the API: platform admins only (each
// profile's write checks it again, in its own transaction).
RETURN {{rule access/viewer_is_platform_admin}} AS allowed
