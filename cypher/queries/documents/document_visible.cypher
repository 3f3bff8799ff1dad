// Who may see a document: the rule of the subject its current version is attached to (an
// earlier version is reached from the current one through PREVIOUS_VERSION). Project
// documents: those entitled to the project's private side; community documents: those who may
// see the community's content; discussion and proposal documents: those who may see the
// subject.
EXISTS {
  MATCH (n)<-[:PREVIOUS_VERSION*0..]-(:Document)-[:ATTACHED_TO]->(subject)
  WHERE (subject:Project AND {{rule projects/project_entitled(subject)}})
     OR (subject:Community AND {{rule communities/community_content_visible(subject)}})
     OR (subject:Discussion AND {{rule communities/discussion_visible(subject)}})
     OR (subject:Proposal AND {{rule opportunities/proposal_visible(subject)}})
}
