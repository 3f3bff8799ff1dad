// Changes proposal $proposalId: the properties in $changes, and, when given (not null), the
// competences it seeks ($competenceIds) and its S3 areas ($areaIds), each list replacing the
// former one. Only while its status is one of $editable, and only by those `may_edit` (code
// filled, on `proposal`). Answers NOT_FOUND (the viewer may neither see nor edit it),
// FORBIDDEN (sees it, may not edit it), INVALID_TRANSITION (not editable in its status),
// UNKNOWN_COMPETENCE or UNKNOWN_AREA, else DONE; a refusal writes nothing. `visible` is the
// label's visibility rule, on `n`. Event: PROPOSAL_UPDATED (the fields given, and the areas
// and competences the proposal has now).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (proposal:Proposal {id: $proposalId})
WITH proposal, proposal IS NOT NULL AND coalesce({{may_edit}}, false) AS mayEdit
WITH proposal, CASE
    WHEN proposal IS NULL THEN 'NOT_FOUND'
    WHEN NOT mayEdit AND NOT coalesce(any(n IN [proposal] WHERE {{visible}}), false)
      THEN 'NOT_FOUND'
    WHEN NOT mayEdit THEN 'FORBIDDEN'
    WHEN NOT proposal.status IN $editable THEN 'INVALID_TRANSITION'
    WHEN COUNT { MATCH (c:Competence) WHERE c.id IN coalesce($competenceIds, []) }
         <> size(coalesce($competenceIds, [])) THEN 'UNKNOWN_COMPETENCE'
    WHEN COUNT { MATCH (a:S3Area) WHERE a.id IN coalesce($areaIds, []) }
         <> size(coalesce($areaIds, [])) THEN 'UNKNOWN_AREA'
    ELSE 'DONE'
  END AS outcome
CALL (proposal, outcome) {
  WITH proposal
  WHERE outcome = 'DONE'
  SET proposal += $changes
  SET proposal.closesOn = coalesce(proposal.deadline, date('9999-12-31'))
  WITH proposal
  CALL (proposal) {
    WITH proposal
    WHERE $competenceIds IS NOT NULL
    OPTIONAL MATCH (proposal)-[former:SEEKS]->(competence:Competence)
      WHERE NOT competence.id IN $competenceIds
    DELETE former
    WITH DISTINCT proposal
    MATCH (competence:Competence) WHERE competence.id IN $competenceIds
    MERGE (proposal)-[:SEEKS]->(competence)
  }
  CALL (proposal) {
    WITH proposal
    WHERE $areaIds IS NOT NULL
    OPTIONAL MATCH (proposal)-[former:TAGGED]->(area:S3Area) WHERE NOT area.id IN $areaIds
    DELETE former
    WITH DISTINCT proposal
    MATCH (area:S3Area) WHERE area.id IN $areaIds
    MERGE (proposal)-[:TAGGED]->(area)
  }
}
RETURN outcome, [{type: 'PROPOSAL_UPDATED', subjectType: 'Proposal', subjectId: $proposalId,
  scopeType: CASE WHEN proposal.status = 'DRAFT' THEN 'ProposalDraft'
    WHEN proposal.status IN ['TO_VALIDATE', 'ARCHIVED'] THEN 'ProposalInReview'
    ELSE 'Proposal' END,
  s3Areas: COLLECT { MATCH (proposal)-[:TAGGED]->(area:S3Area) RETURN area.id },
  competences: COLLECT { MATCH (proposal)-[:SEEKS]->(competence:Competence)
                         RETURN competence.id },
  payload: {title: proposal.title, fields: keys($changes)
    + CASE WHEN $competenceIds IS NULL THEN [] ELSE ['soughtCompetences'] END
    + CASE WHEN $areaIds IS NULL THEN [] ELSE ['s3Areas'] END}}] AS events
