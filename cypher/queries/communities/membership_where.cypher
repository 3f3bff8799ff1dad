// Memberships of communities `r` (a User's MEMBER_OF a Community, read from either side) that
// a list shows: those the viewer may see, with the roles and statuses asked for. An ACTIVE
// membership is part of the community's member list (community_content_visible); a REQUESTED,
// INVITED or REJECTED one is for the person concerned, the community's managers and platform
// admins; the person concerned always sees their own.
any(community IN [endNode(r)] WHERE
  (r.status = 'ACTIVE' AND {{rule communities/community_content_visible(community)}})
  OR startNode(r).id = $viewerId
  OR {{rule communities/community_managed(community)}})
AND ($roles IS NULL OR r.role IN $roles)
AND ($statuses IS NULL OR r.status IN $statuses)
