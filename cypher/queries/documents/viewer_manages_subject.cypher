// Whether the viewer may delete any document attached to subject `n` (besides the document's
// author): platform admins; for a project, its managers; for a community or a discussion, the
// community's managers and the facilitators (who moderate); for a proposal, those who speak
// for its proposer.
{{rule access/viewer_is_platform_admin}}
OR (n:Project AND {{rule projects/viewer_manages_project}})
OR ((n:Community OR n:Discussion) AND {{rule access/viewer_is_facilitator}})
OR (n:Community AND {{rule access/viewer_manages_community}})
OR (n:Discussion AND EXISTS {
  MATCH (n)-[:IN]->(community:Community)
  WHERE {{rule access/viewer_manages_community(community)}}
})
OR (n:Proposal AND {{rule access/viewer_proposes}})
