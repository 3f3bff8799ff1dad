// Partner suggestions for the proposals `$proposalIds` that the viewer may see and speaks for
// (access/viewer_proposes), or facilitates; no row for any other. For each, the `$first`
// organizations best fitting it, with the facts that explain each score.
//
// A candidate holds a competence the proposal seeks, or a narrower one (BROADER). Its score,
// from 0 to 1 (weights are parameters, schema/network/recommendations.py), is its competence
// fit (the share of the sought competences it holds; one held only through a narrower
// competence counts $narrowerFit) times the sum of
//   $baseWeight;
//   $areaWeight × its projects tagged with one of the proposal's S3 areas, up to $areaCap,
//     over $areaCap;
//   $proximityWeight × 1 when it was a partner in one of the proposer's projects (those of the
//     organizations that made the proposal or that its author belongs to, and those its author
//     works on), or × $secondHop when it was a partner of such a partner in another project.
// Fit comes first: past collaboration and proximity count in proportion to how much of what
// is sought an organization holds. Projects count as the network queries count them: not
// cancelled ones, confirmed partners only.
// Left out: the proposer's own organizations, those on whose behalf an expression of interest
// the viewer may see was made, partners of projects the proposal led to, and organizations
// the viewer may not see. Signals are gathered from the proposal outwards and grouped by
// organization, so the work follows the proposal's neighbourhood, not the platform's size.
// `proposal_visible`, `interest_visible` and `organization_visible` (the labels' rules on
// `proposal`, `interest` and `organization`) and `projection` are placed by the code.
UNWIND $proposalIds AS proposalId
MATCH (proposal:Proposal {id: proposalId})
WHERE {{proposal_visible}}
  AND ({{rule access/viewer_proposes(proposal)}} OR {{rule access/viewer_is_facilitator}})
WITH proposal,
     COLLECT { MATCH (proposal)-[:SEEKS]->(wanted:Competence) RETURN wanted } AS sought,
     COLLECT { MATCH (proposal)-[:TAGGED]->(area:S3Area) RETURN area } AS areas,
     COLLECT { MATCH (proposal)<-[:PROPOSED]-(author:User) RETURN author } AS authors,
     COLLECT {
       MATCH (proposal)<-[:PROPOSED]-(home:Organization) RETURN home
       UNION
       MATCH (proposal)<-[:PROPOSED]-(:User)-[:MEMBER_OF]->(home:Organization) RETURN home
     } AS homes
WITH proposal, sought, areas, authors, homes,
     homes + COLLECT {
       MATCH (proposal)<-[:FOR]-(interest:ExpressionOfInterest)
             -[:ON_BEHALF_OF]->(organization:Organization)
       WHERE {{interest_visible}}
       RETURN organization
       UNION
       MATCH (proposal)<-[:ORIGINATED_FROM]-(:Project)<-[:PARTNER_IN]-(organization:Organization)
       RETURN organization
     } AS involved,
     COLLECT {
       UNWIND homes AS home
       MATCH (home)-[tie:PARTNER_IN]->(project:Project)
       WHERE {{rule network/tie_confirmed(tie)}} AND {{rule network/project_counts(project)}}
       RETURN project
       UNION
       UNWIND authors AS author
       MATCH (author)-[:WORKS_ON]->(project:Project)
       WHERE {{rule network/project_counts(project)}}
       RETURN project
     } AS mine
WITH proposal, sought, areas, authors, homes, involved,
     COLLECT {
       UNWIND mine AS project
       MATCH (project)<-[tie:PARTNER_IN]-(partner:Organization)
       WHERE {{rule network/tie_confirmed(tie)}}
       RETURN DISTINCT partner
     } AS near
CALL (sought, areas, near, involved) {
  CALL (sought, areas, near) {
    UNWIND sought AS wanted
    MATCH (wanted)<-[:BROADER*0..]-(held:Competence)<-[:HAS_COMPETENCE]-(organization:Organization)
    WITH organization, wanted,
         max(CASE WHEN held = wanted THEN 1.0 ELSE $narrowerFit END) AS fit
    RETURN organization, fit AS covered, 0 AS areaProjects, 0.0 AS proximity
    UNION ALL
    UNWIND areas AS area
    MATCH (area)<-[:TAGGED]-(project:Project)<-[tie:PARTNER_IN]-(organization:Organization)
    WHERE {{rule network/tie_confirmed(tie)}} AND {{rule network/project_counts(project)}}
    RETURN organization, 0.0 AS covered, count(DISTINCT project) AS areaProjects,
           0.0 AS proximity
    UNION ALL
    UNWIND near AS organization
    RETURN organization, 0.0 AS covered, 0 AS areaProjects, 1.0 AS proximity
    UNION ALL
    // partners of partners, one step at a time and each step distinct, so that the rows stay
    // within the organizations and projects there are, however connected the proposer is
    UNWIND near AS bridge
    MATCH (bridge)-[bridging:PARTNER_IN]->(other:Project)
    WHERE {{rule network/tie_confirmed(bridging)}} AND {{rule network/project_counts(other)}}
    WITH DISTINCT other
    MATCH (other)<-[tie:PARTNER_IN]-(organization:Organization)
    WHERE {{rule network/tie_confirmed(tie)}}
    RETURN DISTINCT organization, 0.0 AS covered, 0 AS areaProjects, $secondHop AS proximity
  }
  WITH size(sought) AS soughtCount, involved, organization, sum(covered) AS covered,
       sum(areaProjects) AS areaProjects, max(proximity) AS proximity
  WHERE covered > 0 AND NOT organization IN involved AND {{organization_visible}}
  WITH organization, proximity,
       covered / soughtCount
       * ($baseWeight
          + $areaWeight * toFloat(CASE WHEN areaProjects > $areaCap THEN $areaCap
                                       ELSE areaProjects END) / $areaCap
          + $proximityWeight * proximity) AS score
  ORDER BY score DESC, organization.id
  LIMIT $first
  RETURN collect({organization: organization, score: score, proximity: proximity}) AS top
}
CALL (sought, areas, authors, homes, top) {
  UNWIND top AS item
  WITH sought, areas, authors, homes, item, item.organization AS organization
  WITH item, organization, COLLECT {
    // each sought competence it covers, by the competence it holds: the same one first, then
    // a distinctive one, then by name
    UNWIND sought AS wanted
    MATCH (wanted)<-[:BROADER*0..]-(held:Competence)<-[holding:HAS_COMPETENCE]-(organization)
    WITH wanted, held, coalesce(holding.distinctive, false) AS distinctive
    ORDER BY held = wanted DESC, distinctive DESC, held.name
    WITH wanted, collect({held: held, distinctive: distinctive})[0] AS best
    WITH wanted, best.held AS held, best.distinctive AS distinctive
    RETURN {kind: 'COMPETENCE', wanted: wanted {.id, .name}, held: held {.id, .name},
            distinctive: distinctive} AS fact
    UNION
    // its latest projects in the proposal's areas, each with the first of those areas by code
    MATCH (organization)-[tie:PARTNER_IN]->(project:Project)-[:TAGGED]->(area:S3Area)
    WHERE area IN areas
      AND {{rule network/tie_confirmed(tie)}} AND {{rule network/project_counts(project)}}
    WITH project, area ORDER BY area.code
    WITH project, collect(area)[0] AS area
    ORDER BY project.startDate DESC, project.id
    LIMIT $areaCap
    RETURN {kind: 'AREA_COLLABORATION', project: project {.id, .title, .acronym, .startDate},
            area: area {.id, .nameIt}} AS fact
    UNION
    // the latest of the proposer's projects it was a partner in, with the proposer's
    // organization there (or else the author who works on it)
    MATCH (organization)-[tie:PARTNER_IN]->(project:Project)
    WHERE item.proximity = 1.0 AND {{rule network/tie_confirmed(tie)}}
      AND {{rule network/project_counts(project)}}
      AND (EXISTS { (project)<-[home:PARTNER_IN]-(partner:Organization)
                    WHERE partner IN homes AND {{rule network/tie_confirmed(home)}} }
           OR EXISTS { (project)<-[:WORKS_ON]-(author:User) WHERE author IN authors })
    WITH project ORDER BY project.startDate DESC, project.id LIMIT 1
    RETURN {kind: 'PROPOSER_PARTNER', project: project {.id, .title, .acronym, .startDate},
            organization: COLLECT {
              MATCH (project)<-[home:PARTNER_IN]-(partner:Organization)
              WHERE partner IN homes AND {{rule network/tie_confirmed(home)}}
              RETURN partner {.id, .name} ORDER BY partner.name, partner.id
            }[0],
            person: COLLECT {
              MATCH (project)<-[:WORKS_ON]-(author:User) WHERE author IN authors
              RETURN author {.id, .displayName}
            }[0]} AS fact
    UNION
    // otherwise, the latest way it is a partner of a partner in one of the proposer's projects:
    // its projects and their partners from the latest, until one of them is such a partner
    MATCH (organization)-[tie:PARTNER_IN]->(project:Project)<-[bridging:PARTNER_IN]-
          (bridge:Organization)
    WHERE 0 < item.proximity < 1.0 AND bridge <> organization
      AND {{rule network/project_counts(project)}} AND {{rule network/tie_confirmed(tie)}}
      AND {{rule network/tie_confirmed(bridging)}}
    WITH project, bridge ORDER BY project.startDate DESC, project.id, bridge.name, bridge.id
    CALL (project, bridge, homes, authors) {
      MATCH (bridge)-[near:PARTNER_IN]->(other:Project)
      WHERE {{rule network/tie_confirmed(near)}} AND {{rule network/project_counts(other)}}
        AND (EXISTS { (other)<-[home:PARTNER_IN]-(partner:Organization)
                      WHERE partner IN homes AND {{rule network/tie_confirmed(home)}} }
             OR EXISTS { (other)<-[:WORKS_ON]-(author:User) WHERE author IN authors })
      RETURN other ORDER BY other.startDate DESC, other.id LIMIT 1
    }
    WITH project, bridge, other LIMIT 1
    RETURN {kind: 'PROPOSER_NETWORK', project: project {.id, .title, .acronym, .startDate},
            bridge: bridge {.id, .name},
            other: other {.id, .title, .acronym, .startDate}} AS fact
  } AS facts
  WITH item, organization AS n, facts
  RETURN collect({node: n { {{projection}} }, score: item.score, facts: facts}) AS items
}
RETURN proposal.id AS anchorId, items
