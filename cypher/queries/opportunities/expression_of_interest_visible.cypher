// An expression of interest is visible to its author and to platform admins; one in a
// territorial proposal also to whoever made the proposal (access/viewer_proposes) and to
// facilitators; one in an EEN proposal, which has no proposer on the platform, to the
// facilitators of the region's EEN contact point (access/viewer_follows_up_een), who follow
// it up, and to no other facilitator.
EXISTS { (:User {id: $viewerId})-[:EXPRESSED]->(n) }
OR EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/platform_admin(viewer)}} }
OR EXISTS {
  MATCH (n)-[:FOR]->(proposal:Proposal)
  WHERE CASE WHEN proposal.origin = 'EEN' THEN {{rule access/viewer_follows_up_een}}
    ELSE {{rule access/viewer_is_facilitator}} OR {{rule access/viewer_proposes(proposal)}} END
}
