// Creates project $projectId (status PLANNED) coordinated by organization $organizationId,
// which the viewer administers; the viewer works on it as MANAGER. From proposal $proposalId
// (optional: the viewer's own or one of an organization the viewer administers, PUBLISHED or
// CLOSED) it is ORIGINATED_FROM the proposal, takes its title, summary and S3 areas unless
// given, and the organizations of the proposal's RELEVANT expressions of interest become
// candidate partners (PARTNER_IN {role: 'ASSOCIATED', budget: 0, candidate: true}).
// Placeholders (schema/projects/acting.py): organization_visible, proposal_visible,
// administers, administers_proposer, viewer_is_platform_admin.
// Event: PROJECT_CREATED, with its S3 areas (none again when a retry finds it made).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (organization:Organization {id: $organizationId})
  WHERE {{organization_visible}}
OPTIONAL MATCH (proposal:Proposal {id: $proposalId})
  WHERE {{proposal_visible}}
WITH viewer, organization, proposal,
     ({{viewer_is_platform_admin}}) AS platformAdmin
WITH viewer, organization, proposal,
  NOT EXISTS { (:Project {id: $projectId}) } AS fresh,
  CASE
    WHEN organization IS NULL THEN 'NOT_FOUND'
    WHEN $proposalId IS NOT NULL AND proposal IS NULL THEN 'PROPOSAL_NOT_FOUND'
    WHEN NOT (platformAdmin OR {{administers}}) THEN 'FORBIDDEN'
    WHEN proposal IS NOT NULL AND NOT (
      platformAdmin OR EXISTS { (viewer)-[:PROPOSED]->(proposal) }
      OR EXISTS { MATCH (proposal)<-[:PROPOSED]-(proposer:Organization)
                  WHERE {{administers_proposer}} }) THEN 'PROPOSAL_FORBIDDEN'
    WHEN proposal IS NOT NULL AND NOT proposal.status IN ['PUBLISHED', 'CLOSED']
      THEN 'NOT_ALLOWED'
    ELSE 'DONE'
  END AS outcome
CALL (viewer, organization, proposal, outcome) {
  WITH viewer, organization, proposal
  WHERE outcome = 'DONE'
  MERGE (project:Project {id: $projectId})
    ON CREATE SET project.title = coalesce($title, proposal.title),
                  project.acronym = $acronym,
                  project.summary = coalesce($summary, proposal.summary),
                  project.status = 'PLANNED', project.startDate = $startDate,
                  project.endDate = $endDate, project.fundingProgramme = $fundingProgramme,
                  project.totalBudget = $totalBudget, project.currency = $currency
  MERGE (organization)-[coordinator:PARTNER_IN]->(project)
    ON CREATE SET coordinator.role = 'COORDINATOR', coordinator.budget = 0
  MERGE (viewer)-[work:WORKS_ON]->(project)
    ON CREATE SET work.role = 'MANAGER'
  WITH project, organization, proposal
  CALL (project, proposal) {
    WITH project, proposal
    WHERE proposal IS NOT NULL
    MERGE (project)-[:ORIGINATED_FROM]->(proposal)
  }
  CALL (project, proposal) {
    UNWIND CASE WHEN $areaIds IS NULL
                THEN COLLECT { MATCH (proposal)-[:TAGGED]->(tag:S3Area) RETURN tag.id }
                ELSE $areaIds END AS areaId
    MATCH (area:S3Area {id: areaId})
    MERGE (project)-[:TAGGED]->(area)
  }
  CALL (project, proposal, organization) {
    MATCH (proposal)<-[:FOR]-(:ExpressionOfInterest {status: 'RELEVANT'})
          -[:ON_BEHALF_OF]->(candidate:Organization)
    WHERE candidate <> organization
    WITH DISTINCT project, candidate
    MERGE (candidate)-[candidacy:PARTNER_IN]->(project)
      ON CREATE SET candidacy.role = 'ASSOCIATED', candidacy.budget = 0,
                    candidacy.candidate = true
  }
}
OPTIONAL MATCH (project:Project {id: $projectId})
RETURN outcome, CASE WHEN fresh THEN [{type: 'PROJECT_CREATED', subjectType: 'Project',
  subjectId: $projectId, projectId: $projectId,
  s3Areas: COLLECT { MATCH (project)-[:TAGGED]->(area:S3Area) RETURN area.id },
  payload: {title: project.title, status: project.status, coordinatorId: $organizationId,
            proposalId: $proposalId,
            candidateIds: COLLECT { MATCH (project)<-[:PARTNER_IN {candidate: true}]-(candidate)
                                    RETURN candidate.id }}}] ELSE [] END AS events
