// People for the viewer to follow: the `$first` who best match them, with the facts that
// explain each score. A candidate works on a project with the viewer, or shares one of their
// skills or competences of interest; an S3 area of interest, shared with thousands, adds to
// the score of a candidate but does not make one. The score, from 0 to 1 (weights are
// parameters, schema/network/recommendations.py), adds
//   $projectWeight × the projects both work on, up to $projectCap, over $projectCap;
//   $skillWeight × the viewer's skills they have too, over the viewer's skills;
//   $interestWeight × the viewer's interests (S3 areas and competences) they share, over the
//     viewer's interests.
// Left out: the viewer, the people the viewer follows, and people the viewer may not see.
// Signals are gathered from the viewer outwards (their projects, skills and interests).
// `visible` (the label's rule on `person`) and `projection` are placed by the code.
MATCH (me:User {id: $viewerId})
WITH me, COUNT { (me)-[:HAS_SKILL]->() } AS mySkills,
     COUNT { (me)-[:INTERESTED_IN]->() } AS myInterests,
     COLLECT { MATCH (me)-[:INTERESTED_IN]->(area:S3Area) RETURN area } AS myAreas,
     COLLECT { MATCH (me)-[:FOLLOWS]->(followed:User) RETURN followed } AS followed
CALL (me, mySkills, myInterests, myAreas, followed) {
  // one row per project, skill or competence of interest in common
  CALL (me) {
    MATCH (me)-[:WORKS_ON]->(:Project)<-[:WORKS_ON]-(person:User)
    RETURN person, 1 AS project, 0 AS skill, 0 AS interest
    UNION ALL
    MATCH (me)-[:HAS_SKILL]->(:Competence)<-[:HAS_SKILL]-(person:User)
    RETURN person, 0 AS project, 1 AS skill, 0 AS interest
    UNION ALL
    MATCH (me)-[:INTERESTED_IN]->(:Competence)<-[:INTERESTED_IN]-(person:User)
    RETURN person, 0 AS project, 0 AS skill, 1 AS interest
  }
  WITH me, mySkills, myInterests, myAreas, followed, person, sum(project) AS projects,
       sum(skill) AS skills, sum(interest) AS interests
  WHERE person <> me AND NOT person IN followed AND {{visible}}
  WITH mySkills, myInterests, person, projects, skills,
       interests + COUNT { (person)-[:INTERESTED_IN]->(area:S3Area) WHERE area IN myAreas }
         AS interests
  WITH person,
       $projectWeight * toFloat(CASE WHEN projects > $projectCap THEN $projectCap
                                     ELSE projects END) / $projectCap
       + CASE mySkills WHEN 0 THEN 0.0 ELSE $skillWeight * skills / mySkills END
       + CASE myInterests WHEN 0 THEN 0.0
           ELSE $interestWeight * interests / myInterests END AS score
  ORDER BY score DESC, person.id
  LIMIT $first
  RETURN collect({person: person, score: score}) AS top
}
CALL (me, top) {
  UNWIND top AS item
  WITH me, item, item.person AS person
  WITH item, person, COLLECT {
    // the projects both work on, latest first
    MATCH (me)-[:WORKS_ON]->(project:Project)<-[:WORKS_ON]-(person)
    WITH project ORDER BY project.startDate DESC, project.id LIMIT $projectCap
    RETURN {kind: 'PROJECT', project: project {.id, .title, .acronym, .startDate}} AS fact
    UNION
    MATCH (me)-[:HAS_SKILL]->(competence:Competence)<-[:HAS_SKILL]-(person)
    RETURN {kind: 'SKILL', competence: competence {.id, .name}} AS fact
    UNION
    MATCH (me)-[:INTERESTED_IN]->(area:S3Area)<-[:INTERESTED_IN]-(person)
    RETURN {kind: 'INTEREST', area: area {.id, .nameIt}} AS fact
    UNION
    MATCH (me)-[:INTERESTED_IN]->(competence:Competence)<-[:INTERESTED_IN]-(person)
    RETURN {kind: 'INTEREST', competence: competence {.id, .name}} AS fact
  } AS facts
  WITH item, person AS n, facts
  RETURN collect({node: n { {{projection}} }, score: item.score, facts: facts}) AS items
}
RETURN items
