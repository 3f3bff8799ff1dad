// Planned and spent totals of each project's budget lines per category, batched. Only lines
// the viewer may see count (`visible`, the BudgetLine predicate, fixed by the code), so a
// viewer not entitled to the budget gets no totals.
UNWIND $parentIds AS parentId
MATCH (p:Project {id: parentId})
CALL (p) {
  MATCH (n:BudgetLine)-[:OF]->(p)
  WHERE {{visible}}
  WITH n.category AS category, sum(n.planned) AS planned, sum(n.spent) AS spent
  RETURN collect({category: category, planned: planned, spent: spent}) AS totals
}
RETURN parentId, totals
