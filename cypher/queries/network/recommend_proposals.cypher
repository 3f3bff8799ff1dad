// Proposals for the viewer: the `$first` open ones (PUBLISHED, closing day not passed) the
// viewer may see that best match their skills, their interests (S3 areas and competences) and the
// competences of the organizations they belong to, with the facts that explain each score.
// A skill, an interest or a competence held matches a sought competence it is, or is
// narrower than. The score, from 0 to 1 (weights are parameters,
// schema/network/recommendations.py), adds
//   $skillWeight × the sought competences a skill matches, over those sought;
//   $organizationWeight × the sought competences one of their organizations holds, over those
//     sought;
//   $interestWeight × the sought competences and S3 areas of interest, over the proposal's
//     sought competences and areas.
// Left out: proposals the viewer or one of their organizations made, and those they expressed
// interest in or follow. Signals are gathered from the viewer outwards (their skills,
// interests and organizations), so the work follows the viewer's profile, not the platform's
// size. `visible` (the label's rule on `proposal`) and `projection` are placed by
// the code.
MATCH (me:User {id: $viewerId})
WITH me, COLLECT { MATCH (me)-[:MEMBER_OF]->(mine:Organization) RETURN mine } AS organizations,
     COLLECT {
       MATCH (me)-[:PROPOSED]->(known:Proposal) RETURN known
       UNION
       MATCH (me)-[:EXPRESSED]->(:ExpressionOfInterest)-[:FOR]->(known:Proposal) RETURN known
       UNION
       MATCH (me)-[:FOLLOWS]->(known:Proposal) RETURN known
     } AS known
CALL (me, organizations, known) {
  CALL (me, organizations) {
    MATCH (me)-[:HAS_SKILL]->(:Competence)-[:BROADER*0..]->(matched:Competence)
          <-[:SEEKS]-(proposal:Proposal)
    RETURN proposal, matched, 'SKILL' AS source
    UNION ALL
    MATCH (me)-[:INTERESTED_IN]->(:Competence)-[:BROADER*0..]->(matched:Competence)
          <-[:SEEKS]-(proposal:Proposal)
    RETURN proposal, matched, 'INTEREST' AS source
    UNION ALL
    MATCH (me)-[:INTERESTED_IN]->(matched:S3Area)<-[:TAGGED]-(proposal:Proposal)
    RETURN proposal, matched, 'INTEREST' AS source
    UNION ALL
    UNWIND organizations AS organization
    MATCH (organization)-[:HAS_COMPETENCE]->(:Competence)-[:BROADER*0..]->(matched:Competence)
          <-[:SEEKS]-(proposal:Proposal)
    RETURN proposal, matched, 'ORGANIZATION' AS source
  }
  WITH organizations, known, proposal, source, matched
  WHERE proposal.status = 'PUBLISHED' AND proposal.closesOn >= date()
    AND NOT proposal IN known
  WITH organizations, proposal, source, count(DISTINCT matched) AS matches
  WITH organizations, proposal,
       sum(CASE source WHEN 'SKILL' THEN matches ELSE 0 END) AS skills,
       sum(CASE source WHEN 'ORGANIZATION' THEN matches ELSE 0 END) AS held,
       sum(CASE source WHEN 'INTEREST' THEN matches ELSE 0 END) AS interests
  WHERE {{visible}}
    AND NOT EXISTS { (proposal)<-[:PROPOSED]-(maker:Organization) WHERE maker IN organizations }
  WITH proposal, skills, held, interests, COUNT { (proposal)-[:SEEKS]->() } AS sought,
       COUNT { (proposal)-[:TAGGED]->() } AS tagged
  WITH proposal,
       CASE sought WHEN 0 THEN 0.0
         ELSE ($skillWeight * skills + $organizationWeight * held) / sought END
       + $interestWeight * interests / (sought + tagged) AS score
  ORDER BY score DESC, proposal.createdAt DESC, proposal.id
  LIMIT $first
  RETURN collect({proposal: proposal, score: score}) AS top
}
CALL (me, organizations, top) {
  UNWIND top AS item
  WITH me, organizations, item, item.proposal AS proposal
  WITH item, proposal, COLLECT {
    // each sought competence a skill of the viewer matches: the same one first, then by name
    MATCH (me)-[:HAS_SKILL]->(own:Competence)-[:BROADER*0..]->(wanted:Competence)
          <-[:SEEKS]-(proposal)
    WITH wanted, own ORDER BY own = wanted DESC, own.name
    WITH wanted, collect(own)[0] AS own
    RETURN {kind: 'SKILL', wanted: wanted {.id, .name}, own: own {.id, .name}} AS fact
    UNION
    // each sought competence of interest, the same way
    MATCH (me)-[:INTERESTED_IN]->(own:Competence)-[:BROADER*0..]->(wanted:Competence)
          <-[:SEEKS]-(proposal)
    WITH wanted, own ORDER BY own = wanted DESC, own.name
    WITH wanted, collect(own)[0] AS own
    RETURN {kind: 'INTEREST', wanted: wanted {.id, .name}, own: own {.id, .name}} AS fact
    UNION
    // each of its S3 areas of interest
    MATCH (me)-[:INTERESTED_IN]->(area:S3Area)<-[:TAGGED]-(proposal)
    RETURN {kind: 'INTEREST', area: area {.id, .nameIt}} AS fact
    UNION
    // each sought competence one of the viewer's organizations holds, by the first such
    // organization by name and the competence it holds (the same one first)
    UNWIND organizations AS organization
    MATCH (organization)-[:HAS_COMPETENCE]->(held:Competence)-[:BROADER*0..]->
          (wanted:Competence)<-[:SEEKS]-(proposal)
    WITH wanted, organization, held
    ORDER BY organization.name, organization.id, held = wanted DESC, held.name
    WITH wanted, collect({organization: organization, held: held})[0] AS best
    WITH wanted, best.organization AS organization, best.held AS held
    RETURN {kind: 'ORGANIZATION_COMPETENCE', wanted: wanted {.id, .name},
            organization: organization {.id, .name}, held: held {.id, .name}} AS fact
  } AS facts
  WITH item, proposal AS n, facts
  RETURN collect({node: n { {{projection}} }, score: item.score, facts: facts}) AS items
}
RETURN items
