// Whether the viewer follows up the expressions of interest in EEN proposals
// (access/een_follow_up).
EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/een_follow_up(viewer)}} }
