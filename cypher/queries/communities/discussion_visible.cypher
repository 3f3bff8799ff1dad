// Discussions the viewer may see: those of a community whose content the viewer may see.
EXISTS {
  MATCH (n)-[:IN]->(community:Community)
  WHERE {{rule communities/community_content_visible(community)}}
}
