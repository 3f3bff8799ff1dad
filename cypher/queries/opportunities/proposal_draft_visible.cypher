// Who may learn of what happened to a proposal while it was a DRAFT (the audience of its
// events then, whatever its status later): those who make it (access/viewer_proposes) and
// platform admins, as proposal_visible lets them see a draft.
EXISTS {
  MATCH (viewer:User {id: $viewerId})
  WHERE {{rule access/platform_admin(viewer)}}
}
OR {{rule access/viewer_proposes}}
