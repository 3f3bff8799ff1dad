// Planned and spent totals of each project's budget lines per partner organization, batched.
// Only lines the viewer may see count (`visible`, the BudgetLine predicate), so a viewer not
// entitled to the budget gets no totals; lines for no partner add up under a null partner.
// `visible`, `partner_visible` and `projection` are fixed by the code (schema/projects/budget.py).
UNWIND $parentIds AS parentId
MATCH (p:Project {id: parentId})
CALL (p) {
  MATCH (n:BudgetLine)-[:OF]->(p)
  WHERE {{visible}}
  OPTIONAL MATCH (n)-[:FOR]->(partner:Organization)
  WITH partner, sum(n.planned) AS planned, sum(n.spent) AS spent
  ORDER BY partner.name, partner.id
  WITH partner AS n, planned, spent
  RETURN collect({partner: CASE WHEN {{partner_visible}} THEN n { {{projection}} } END,
                  planned: planned, spent: spent}) AS totals
}
RETURN parentId, totals
