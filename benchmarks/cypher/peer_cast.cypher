// The subjects of the questions benchmarks/peer_compare.py asks (node ids, as stored), chosen
// from the loaded data so that they work at any scale and seed, and so that each page has
// something to show: the person with the most skills, the organization partner in the most
// projects and the S3 area most of its projects are tagged with, the OPEN community with the
// most active members, the active project with the most partners, the S3 area and top-level
// competence that open proposals pair most often, and a university (first by name) for the
// neighbourhood two ties away. Anonymous visitors may see all of them.
CALL () {
  MATCH (u:User)
  RETURN u.handle AS handle ORDER BY COUNT { (u)-[:HAS_SKILL]->() } DESC, u.id LIMIT 1
}
CALL () {
  MATCH (o:Organization)
  RETURN o.id AS organization ORDER BY COUNT { (o)-[:PARTNER_IN]->() } DESC, o.id LIMIT 1
}
CALL (organization) {
  MATCH (:Organization {id: organization})-[:PARTNER_IN]->(:Project)-[:TAGGED]->(a:S3Area)
  WITH a, count(*) AS projects
  RETURN a.id AS collaborationArea ORDER BY projects DESC, a.id LIMIT 1
}
CALL () {
  MATCH (c:Community {access: 'OPEN'})
  RETURN c.id AS community
  ORDER BY COUNT { (c)<-[:MEMBER_OF {status: 'ACTIVE'}]-() } DESC, c.id LIMIT 1
}
CALL () {
  MATCH (p:Project {status: 'ACTIVE'})
  RETURN p.id AS project ORDER BY COUNT { (p)<-[:PARTNER_IN]-() } DESC, p.id LIMIT 1
}
CALL () {
  MATCH (p:Proposal {status: 'PUBLISHED'})-[:TAGGED]->(a:S3Area)
  WHERE p.deadline >= date()
  MATCH (p)-[:SEEKS]->(:Competence)-[:BROADER*0..]->(top:Competence)
  WHERE NOT (top)-[:BROADER]->()
  WITH a, top, count(DISTINCT p) AS proposals
  RETURN a.id AS proposalArea, top.id AS proposalCompetence
  ORDER BY proposals DESC, a.id, top.id LIMIT 1
}
CALL () {
  MATCH (o:Organization {kind: 'UNIVERSITY'})
  RETURN o.id AS university ORDER BY o.name, o.id LIMIT 1
}
RETURN handle, organization, collaborationArea, community, project, proposalArea,
       proposalCompetence, university, toString(date()) AS today
