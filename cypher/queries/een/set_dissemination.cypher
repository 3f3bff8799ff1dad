// A facilitator marks proposal $proposalId for international dissemination through EEN
// ($disseminate true), or takes the mark away (false). Only a PUBLISHED proposal of the
// territory may be marked; the mark records when it was set (`disseminationMarkedAt`, the
// `datum/update` of its export). `may_mark` (code) says who may; `visible` is the proposal
// visibility rule on `n`. Answers NOT_FOUND (the viewer may neither see nor mark it),
// FORBIDDEN (sees it, may not mark it), NOT_DISSEMINABLE (not a published territorial
// proposal), else DONE; marking a marked proposal again (or unmarking an unmarked one)
// changes nothing and records nothing. Event: PROPOSAL_UPDATED (the field
// `internationalDissemination`).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (proposal:Proposal {id: $proposalId})
WITH proposal, proposal IS NOT NULL AND coalesce({{may_mark}}, false) AS mayMark
WITH proposal, CASE
    WHEN proposal IS NULL THEN 'NOT_FOUND'
    WHEN NOT mayMark AND NOT coalesce(any(n IN [proposal] WHERE {{visible}}), false)
      THEN 'NOT_FOUND'
    WHEN NOT mayMark THEN 'FORBIDDEN'
    WHEN coalesce(proposal.internationalDissemination, false) = $disseminate THEN 'UNCHANGED'
    WHEN $disseminate AND (proposal.origin <> 'TERRITORY' OR proposal.status <> 'PUBLISHED')
      THEN 'NOT_DISSEMINABLE'
    ELSE 'DONE'
  END AS outcome
CALL (proposal, outcome) {
  WITH proposal
  WHERE outcome = 'DONE'
  SET proposal.internationalDissemination = CASE WHEN $disseminate THEN true END,
      proposal.disseminationMarkedAt = CASE WHEN $disseminate THEN datetime() END
}
RETURN CASE outcome WHEN 'UNCHANGED' THEN 'DONE' ELSE outcome END AS outcome,
  CASE outcome WHEN 'DONE' THEN [{type: 'PROPOSAL_UPDATED', subjectType: 'Proposal',
    subjectId: $proposalId, scopeType: 'Proposal',
    s3Areas: COLLECT { MATCH (proposal)-[:TAGGED]->(area:S3Area) RETURN area.id },
    competences: COLLECT { MATCH (proposal)-[:SEEKS]->(competence:Competence)
                           RETURN competence.id },
    payload: {title: proposal.title, fields: ['internationalDissemination']}}] ELSE [] END
  AS events
