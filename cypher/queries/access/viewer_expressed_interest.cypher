// Whether the viewer is the author of expression of interest `n`.
EXISTS { (n)<-[:EXPRESSED]-(:User {id: $viewerId}) }
