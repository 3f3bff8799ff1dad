// The floor of the profile page (benchmarks/peer_pages.py): the same data in one statement.
MATCH (u:User {handle: $handle})
RETURN u.displayName AS displayName, u.headline AS headline, u.province AS province,
  COLLECT {
    MATCH (u)-[r:MEMBER_OF]->(o:Organization)
    WITH r, o ORDER BY o.name, o.id LIMIT 5
    RETURN [r.role, r.title, o.name, o.city]
  } AS organizations,
  COUNT { (u)-[:HAS_SKILL]->(:Competence) } AS skillCount,
  COLLECT {
    MATCH (u)-[r:HAS_SKILL]->(c:Competence)
    WITH r, c ORDER BY c.name, c.id LIMIT 20
    RETURN [r.level, c.name]
  } AS skills,
  COLLECT {
    MATCH (u)-[:INTERESTED_IN]->(a:S3Area)
    WITH a ORDER BY a.code, a.id LIMIT 10
    RETURN [a.code, a.nameIt]
  } AS areas
