// Comments the viewer may see: those on a subject the viewer may see. News are public; a
// discussion follows its community (communities/discussion_visible); a proposal is readable
// when PUBLISHED or CLOSED.
EXISTS {
  MATCH (n)-[:ON]->(subject)
  WHERE subject:News
     OR (subject:Discussion
         AND EXISTS { (subject)-[:IN]->(community:Community) WHERE community.access = 'OPEN' })
     OR (subject:Proposal AND subject.status IN ['PUBLISHED', 'CLOSED'])
}
