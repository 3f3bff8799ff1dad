// The floor of the project dashboard (benchmarks/peer_pages.py): the project, its budget
// and its partners with their roles and shares.
MATCH (p:Project {id: $id})
RETURN p.title AS title, p.acronym AS acronym, p.status AS status, p.startDate AS startDate,
  p.endDate AS endDate, p.totalBudget AS totalBudget,
  COUNT { (p)<-[:PARTNER_IN]-(:Organization) } AS partnerCount,
  COLLECT {
    MATCH (p)<-[r:PARTNER_IN]-(o:Organization)
    WITH r, o ORDER BY o.name, o.id LIMIT 10
    RETURN [r.role, r.budget, o.name, o.province]
  } AS partners
