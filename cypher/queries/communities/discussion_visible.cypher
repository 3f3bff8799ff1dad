// Discussions the viewer may see: those of a community the viewer may see (community_visible).
EXISTS { (n)-[:IN]->(community:Community) WHERE community.access = 'OPEN' }
