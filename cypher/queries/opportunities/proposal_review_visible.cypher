// Who may learn of what happened to a proposal while it awaited validation or was archived
// (the audience of its events then, whatever its status later): those who make it, the
// platform's facilitators (access/moderator) and platform admins, as proposal_visible lets them
// see it in those states.
EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/platform_admin(viewer)}} OR {{rule access/moderator(viewer)}}
}
OR {{rule access/viewer_proposes}}
