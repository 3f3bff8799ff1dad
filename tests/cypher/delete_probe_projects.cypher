// Remove the projects probe organizations take part in (those created through the API carry
// no probe marker) with their work plan, results and budget lines; delete_probe does the rest.
MATCH (:Probe {probe: $probe})-[:PARTNER_IN]->(p:Project)
OPTIONAL MATCH (p)<-[:PART_OF|OF|RESULT_OF]-(x)
DETACH DELETE x, p
