// What anonymous visitors may see of communities and content, in the whole graph (ground truth
// for the top-level lists, from the rules of docs/graph-model.md).
RETURN
  COUNT { MATCH (c:Community) WHERE c.access IN ['OPEN', 'RESERVED'] } AS communities,
  COUNT { MATCH (d:Discussion)
          WHERE EXISTS { (d)-[:IN]->(c:Community) WHERE c.access = 'OPEN' } } AS discussions,
  COUNT { MATCH (n:News) } AS news
