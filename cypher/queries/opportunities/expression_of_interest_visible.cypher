// An expression of interest is visible to its author only.
EXISTS { (:User {id: $viewerId})-[:EXPRESSED]->(n) }
