// The proposals to export as EEN profiles: territorial, PUBLISHED and marked for
// international dissemination, oldest mark first; each with the organization it is made for
// (if any), the ids of the competences it seeks and its keywords.
MATCH (proposal:Proposal {status: 'PUBLISHED'})
WHERE proposal.origin = 'TERRITORY' AND proposal.internationalDissemination
RETURN proposal {.id, .title, .summary, .description, .kind, .collaborationTypes,
                 .developmentStage, .ipr, .deadline, .country, .externalRef, .createdAt,
                 .disseminationMarkedAt} AS proposal,
  head(COLLECT { MATCH (organization:Organization)-[:PROPOSED]->(proposal)
                 RETURN organization {.kind, .foundedYear, .country} }) AS organization,
  COLLECT { MATCH (proposal)-[:SEEKS]->(competence:Competence)
            RETURN competence.id ORDER BY competence.id } AS competenceIds,
  COLLECT { MATCH (proposal)-[:HAS_KEYWORD]->(keyword:Keyword)
            RETURN keyword {.scheme, .code, .label} ORDER BY keyword.scheme, keyword.code }
    AS keywords
ORDER BY proposal.disseminationMarkedAt, proposal.id
