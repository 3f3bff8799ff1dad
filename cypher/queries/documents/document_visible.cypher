// Who may see a document: the rule of the subject its current version is attached to (an
// earlier version is reached from the current one through PREVIOUS_VERSION). Project
// documents: the people working on the project and the members of its partner organizations,
// as for budget lines (projects/budget_line_visible). Community, discussion and proposal
// documents: whoever may see the subject (an OPEN community; a discussion in an OPEN
// community; a PUBLISHED or CLOSED proposal).
EXISTS {
  MATCH (n)<-[:PREVIOUS_VERSION*0..]-(:Document)-[:ATTACHED_TO]->(subject)
  WHERE (subject:Project AND $viewerId IS NOT NULL
         AND (EXISTS { (subject)<-[:WORKS_ON]-(:User {id: $viewerId}) }
              OR EXISTS { (subject)<-[:PARTNER_IN]-(:Organization)<-[:MEMBER_OF]-(:User {id: $viewerId}) }))
     OR (subject:Community AND subject.access = 'OPEN')
     OR (subject:Discussion AND EXISTS { (subject)-[:IN]->(:Community {access: 'OPEN'}) })
     OR (subject:Proposal AND subject.status IN ['PUBLISHED', 'CLOSED'])
}
