// Memberships of communities `r` (a User's MEMBER_OF a Community, read from either side) that
// a list shows: those the viewer may see, with the roles and statuses asked for. The viewer
// sees ACTIVE memberships only for now; the community's managers will see the requested,
// invited and rejected ones too, by widening the first line.
r.status = 'ACTIVE'
AND ($roles IS NULL OR r.role IN $roles)
AND ($statuses IS NULL OR r.status IN $statuses)
