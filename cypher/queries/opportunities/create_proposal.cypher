// The viewer drafts a territorial proposal with id $proposalId: the author PROPOSED it, and so
// did the organization $organizationId when it is made on its behalf (the viewer must be a
// member). It seeks the competences $competenceIds and is tagged with the S3 areas $areaIds.
// Answers NOT_FOUND (no such organization), FORBIDDEN (not a member of it),
// UNKNOWN_COMPETENCE or UNKNOWN_AREA (an id names nothing), else DONE; a refusal writes
// nothing. Created with MERGE on the id chosen before the write, so a retry creates it once
// (and records no second event). Event: PROPOSAL_CREATED (visible as the draft is).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (organization:Organization {id: $organizationId})
WITH viewer, organization, NOT EXISTS { (:Proposal {id: $proposalId}) } AS fresh, CASE
    WHEN $organizationId IS NOT NULL AND organization IS NULL THEN 'NOT_FOUND'
    WHEN organization IS NOT NULL AND NOT EXISTS { (viewer)-[:MEMBER_OF]->(organization) }
      THEN 'FORBIDDEN'
    WHEN COUNT { MATCH (c:Competence) WHERE c.id IN $competenceIds } <> size($competenceIds)
      THEN 'UNKNOWN_COMPETENCE'
    WHEN COUNT { MATCH (a:S3Area) WHERE a.id IN $areaIds } <> size($areaIds) THEN 'UNKNOWN_AREA'
    ELSE 'DONE'
  END AS outcome
CALL (viewer, organization, outcome) {
  WITH viewer, organization
  WHERE outcome = 'DONE'
  MERGE (proposal:Proposal {id: $proposalId})
    ON CREATE SET proposal += $properties, proposal.origin = 'TERRITORY',
                  proposal.status = 'DRAFT', proposal.createdAt = datetime(),
                  proposal.closesOn = coalesce($properties.deadline, date('9999-12-31'))
  MERGE (viewer)-[:PROPOSED]->(proposal)
  FOREACH (speaker IN CASE WHEN organization IS NULL THEN [] ELSE [organization] END |
    MERGE (speaker)-[:PROPOSED]->(proposal))
  WITH proposal
  CALL (proposal) {
    MATCH (competence:Competence) WHERE competence.id IN $competenceIds
    MERGE (proposal)-[:SEEKS]->(competence)
  }
  CALL (proposal) {
    MATCH (area:S3Area) WHERE area.id IN $areaIds
    MERGE (proposal)-[:TAGGED]->(area)
  }
}
RETURN outcome, CASE WHEN fresh THEN [{type: 'PROPOSAL_CREATED', subjectType: 'Proposal',
  subjectId: $proposalId, scopeType: 'ProposalDraft', s3Areas: $areaIds, competences: $competenceIds,
  payload: {title: $properties.title, kind: $properties.kind, status: 'DRAFT',
            organizationId: $organizationId}}] ELSE [] END AS events
