// Remove the projects probe organizations take part in (those created through the API carry
// no probe marker) with their work plan, results, budget lines and documents (every version);
// delete_probe does the rest.
MATCH (:Probe {probe: $probe})-[:PARTNER_IN]->(p:Project)
OPTIONAL MATCH (p)<-[:PART_OF|OF|RESULT_OF]-(x)
OPTIONAL MATCH (p)<-[:ATTACHED_TO]-(:Document)-[:PREVIOUS_VERSION*0..]->(d:Document)
DETACH DELETE x, d, p
