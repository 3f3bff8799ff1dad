// Whether the viewer may attach documents to subject `n` (and add versions to those attached):
// platform admins; for a project, the people working on it and its managers; for a community,
// its active members; for a discussion, the active members of its community; for a proposal,
// those who speak for its proposer.
{{rule access/viewer_is_platform_admin}}
OR (n:Project AND ({{rule projects/viewer_works_on_project}}
                   OR {{rule projects/viewer_manages_project}}))
OR (n:Community AND {{rule access/viewer_is_active_member}})
OR (n:Discussion AND EXISTS {
  MATCH (n)-[:IN]->(community:Community)
  WHERE {{rule access/viewer_is_active_member(community)}}
})
OR (n:Proposal AND {{rule access/viewer_proposes}})
