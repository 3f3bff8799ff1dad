// An expression of interest is visible to its author, to whoever made the proposal it answers
// (opportunities/proposal_made_by_viewer), to facilitators and to platform admins.
EXISTS { (:User {id: $viewerId})-[:EXPRESSED]->(n) }
OR EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/moderator(viewer)}} }
OR EXISTS {
  MATCH (n)-[:FOR]->(proposal:Proposal)
  WHERE {{rule opportunities/proposal_made_by_viewer(proposal)}}
}
