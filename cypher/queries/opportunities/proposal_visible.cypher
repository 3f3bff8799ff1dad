// Proposals the viewer may see: PUBLISHED and CLOSED ones, everyone (a project may link to a
// closed call); any of their own to those who made it (proposal_made_by_viewer); those
// awaiting validation (TO_VALIDATE) or ARCHIVED also to facilitators; every one to platform
// admins (viewer_moderates covers facilitators and platform admins).
n.status IN ['PUBLISHED', 'CLOSED']
OR ($viewerId IS NOT NULL
    AND ({{rule opportunities/proposal_made_by_viewer}}
         OR (n.status IN ['TO_VALIDATE', 'ARCHIVED'] AND {{rule access/viewer_moderates}})
         OR {{rule access/viewer_is_platform_admin}}))
