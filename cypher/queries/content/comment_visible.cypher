// Comments the viewer may see: those on a subject the viewer may see, by the subject's own rule
// (news are public).
EXISTS {
  MATCH (n)-[:ON]->(subject)
  WHERE subject:News
     OR (subject:Discussion AND {{rule communities/discussion_visible(subject)}})
     OR (subject:Proposal AND {{rule opportunities/proposal_visible(subject)}})
}
