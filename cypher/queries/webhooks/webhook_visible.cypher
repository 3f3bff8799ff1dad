// A webhook is visible to the person who registered it and to nobody else, platform admins
// included: its URL and filters are that person's integration.
EXISTS { (n)-[:OWNED_BY]->(:User {id: $viewerId}) }
