// Fields of a budget line; its amounts are in the currency of its project.
.id, .category, .planned, .spent,
currency: COLLECT { MATCH (n)-[:OF]->(lineProject:Project) RETURN lineProject.currency }[0]
