// The floor of the organization page (benchmarks/peer_pages.py): its competences, and its
// latest projects with their partners, in one statement.
MATCH (o:Organization {id: $id})
RETURN o.name AS name, o.kind AS kind, o.city AS city,
  COUNT { (o)-[:HAS_COMPETENCE]->(:Competence) } AS competenceCount,
  COLLECT {
    MATCH (o)-[r:HAS_COMPETENCE]->(c:Competence)
    WITH r, c ORDER BY c.name, c.id LIMIT 20
    RETURN [r.distinctive, c.name]
  } AS competences,
  COUNT { (o)-[:PARTNER_IN]->(:Project) } AS projectCount,
  COLLECT {
    MATCH (o)-[r:PARTNER_IN]->(p:Project)
    WITH r, p ORDER BY p.startDate DESC, p.id DESC LIMIT 10
    RETURN [r.role, r.budget, p.acronym, p.title, p.startDate, COLLECT {
      MATCH (p)<-[s:PARTNER_IN]-(partner:Organization)
      WITH s, partner ORDER BY partner.name, partner.id LIMIT 10
      RETURN [s.role, partner.name]
    }]
  } AS projects
