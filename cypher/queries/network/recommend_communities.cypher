// Communities for the viewer to join: the `$first` ones the viewer may see and may ask to join
// (OPEN or RESERVED; CLOSED ones take members by invitation only) that best match them, with
// the facts that explain each score. The score, from 0 to 1 (weights are parameters,
// schema/network/recommendations.py), adds
//   $interestWeight × its S3 areas (FOCUSES_ON) that interest the viewer, over its areas;
//   $projectWeight × its S3 areas of projects the viewer works on, over its areas;
//   $followedWeight × the people the viewer follows who are its active members, up to
//     $followedCap, over $followedCap; counted only where the viewer may see its members
//     (communities/community_content_visible), so that no membership shows through.
// Left out: communities the viewer is a member of, or has asked to join, been invited to or
// been refused by (any MEMBER_OF). Signals are gathered from the viewer outwards.
// `visible` (the label's rule on `community`) and `projection` are placed by the
// code.
MATCH (me:User {id: $viewerId})
CALL (me) {
  CALL (me) {
    MATCH (me)-[:INTERESTED_IN]->(area:S3Area)<-[:FOCUSES_ON]-(community:Community)
    RETURN community, 'INTEREST' AS source, count(DISTINCT area) AS strength
    UNION ALL
    MATCH (me)-[:WORKS_ON]->(project:Project)-[:TAGGED]->(area:S3Area)
          <-[:FOCUSES_ON]-(community:Community)
    WHERE {{rule network/project_counts(project)}}
    RETURN community, 'PROJECT' AS source, count(DISTINCT area) AS strength
    UNION ALL
    MATCH (me)-[:FOLLOWS]->(person:User)-[:MEMBER_OF {status: 'ACTIVE'}]->(community:Community)
    WHERE {{rule communities/community_content_visible(community)}}
    RETURN community, 'FOLLOWED' AS source, count(DISTINCT person) AS strength
  }
  WITH me, community,
       sum(CASE source WHEN 'INTEREST' THEN strength ELSE 0 END) AS interests,
       sum(CASE source WHEN 'PROJECT' THEN strength ELSE 0 END) AS projectAreas,
       sum(CASE source WHEN 'FOLLOWED' THEN strength ELSE 0 END) AS followed
  WHERE community.access IN ['OPEN', 'RESERVED'] AND {{visible}}
    AND NOT EXISTS { (me)-[:MEMBER_OF]->(community) }
  WITH community, interests, projectAreas, followed,
       COUNT { (community)-[:FOCUSES_ON]->() } AS areas
  WITH community,
       CASE areas WHEN 0 THEN 0.0
         ELSE ($interestWeight * interests + $projectWeight * projectAreas) / areas END
       + $followedWeight * toFloat(CASE WHEN followed > $followedCap THEN $followedCap
                                        ELSE followed END) / $followedCap AS score
  ORDER BY score DESC, community.name, community.id
  LIMIT $first
  RETURN collect({community: community, score: score}) AS top
}
CALL (me, top) {
  UNWIND top AS item
  WITH me, item, item.community AS community
  WITH item, community, COLLECT {
    // each of its S3 areas that interests the viewer
    MATCH (me)-[:INTERESTED_IN]->(area:S3Area)<-[:FOCUSES_ON]-(community)
    RETURN {kind: 'INTEREST', area: area {.id, .nameIt}} AS fact
    UNION
    // each of its S3 areas of a project of the viewer, by the latest such project
    MATCH (me)-[:WORKS_ON]->(project:Project)-[:TAGGED]->(area:S3Area)<-[:FOCUSES_ON]-(community)
    WHERE {{rule network/project_counts(project)}}
    WITH area, project ORDER BY project.startDate DESC, project.id
    WITH area, collect(project)[0] AS project
    RETURN {kind: 'PROJECT', area: area {.id, .nameIt},
            project: project {.id, .title, .acronym, .startDate}} AS fact
    UNION
    // the people the viewer follows among its active members: how many, and a few by name
    MATCH (me)-[:FOLLOWS]->(person:User)-[:MEMBER_OF {status: 'ACTIVE'}]->(community)
    WHERE {{rule communities/community_content_visible(community)}}
    WITH person ORDER BY person.displayName, person.id
    WITH collect(person {.id, .displayName}) AS people
    WHERE people <> []
    RETURN {kind: 'FOLLOWED_MEMBERS', people: people[..$followedCap], count: size(people)}
      AS fact
  } AS facts
  WITH item, community AS n, facts
  RETURN collect({node: n { {{projection}} }, score: item.score, facts: facts}) AS items
}
RETURN items
