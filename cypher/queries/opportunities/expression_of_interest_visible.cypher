// An expression of interest is visible to its author, to whoever made the proposal it answers
// (access/viewer_proposes), to facilitators and to platform admins.
EXISTS { (:User {id: $viewerId})-[:EXPRESSED]->(n) }
OR EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/moderator(viewer)}} }
OR EXISTS {
  MATCH (n)-[:FOR]->(proposal:Proposal)
  WHERE {{rule access/viewer_proposes(proposal)}}
}
