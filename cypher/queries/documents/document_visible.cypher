// Who may see a document: the rule of the subject its current version is attached to (an
// earlier version is reached from the current one through PREVIOUS_VERSION). Project
// documents: those entitled to the project's private side; community documents: those who may
// see the community's content; discussion and proposal documents: those who may see the
// subject. (The subject is `attachedTo` here: a statement that includes this rule may well
// have a `subject` of its own, which the pattern would otherwise take as given.)
EXISTS {
  MATCH (n)<-[:PREVIOUS_VERSION*0..]-(:Document)-[:ATTACHED_TO]->(attachedTo)
  WHERE (attachedTo:Project AND {{rule projects/project_entitled(attachedTo)}})
     OR (attachedTo:Community AND {{rule communities/community_content_visible(attachedTo)}})
     OR (attachedTo:Discussion AND {{rule communities/discussion_visible(attachedTo)}})
     OR (attachedTo:Proposal AND {{rule opportunities/proposal_visible(attachedTo)}})
}
