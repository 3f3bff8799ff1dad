// The organization–organization collaboration network of a slice of the region, for a graph
// view. The slice: the projects that pass `window` (on `n`, with its `patterns`: the S3 area,
// the time window) and, among their confirmed partners, the organizations in `$province` and
// of `$kind` when given. Two of them are tied when they were partners in the same projects
// of the slice: the weight is how many, the areas those projects' S3 areas; ties lighter than
// `$minWeight` are left out, and so are organizations left without a tie. A node's size is
// the number of projects of the slice it was a partner in; `projectCount` the projects of the
// slice with at least two such partners, `s3Area` the projection of `$s3Area` (empty when
// not given or unknown).
// Beyond `$maxNodes` nodes or `$maxEdges` edges only the counts are returned. `patterns`,
// `window`, `visible` (organizations, on `organization`) and `area_projection` are fixed by
// the code (schema/network/collaboration.py); values are parameters.
CALL () {
  MATCH (n:Project){{patterns}}
  WHERE {{window}}
  MATCH (n)<-[partner:PARTNER_IN]-(organization:Organization)
  WHERE {{rule network/tie_confirmed(partner)}}
    AND ($province IS NULL OR organization.province = $province)
    AND ($kind IS NULL OR organization.kind = $kind)
    AND {{visible}}
  WITH organization, collect(DISTINCT n) AS projects
  WITH organization, projects, {id: organization.id, label: organization.name,
    kind: organization.kind, province: organization.province, size: size(projects)} AS node
  UNWIND projects AS project
  WITH project, collect(node) AS partners
  WHERE size(partners) > 1
  RETURN collect({partners: partners,
    areas: [(project)-[:TAGGED]->(area:S3Area) | area.id]}) AS consortia
}
CALL (consortia) {
  UNWIND consortia AS consortium
  WITH consortium.partners AS partners, consortium.areas AS areas
  UNWIND partners AS source
  UNWIND partners AS target
  WITH source, target, areas
  WHERE source.id < target.id
  WITH source, target, count(*) AS weight, collect(areas) AS areaLists
  WHERE weight >= $minWeight
  RETURN collect({source: source, target: target, weight: weight,
    areas: reduce(found = [], areas IN areaLists |
      found + [area IN areas WHERE NOT area IN found])}) AS edges
}
WITH size(consortia) AS projectCount, edges
CALL (edges) {
  UNWIND edges AS edge
  UNWIND [edge.source, edge.target] AS node
  RETURN collect(DISTINCT node) AS nodes
}
WITH projectCount, edges, nodes,
  size(edges) <= $maxEdges AND size(nodes) <= $maxNodes AS bounded
CALL (edges, bounded) {
  UNWIND CASE WHEN bounded THEN edges ELSE [] END AS edge
  UNWIND edge.areas AS areaId
  WITH DISTINCT areaId
  MATCH (n:S3Area {id: areaId})
  RETURN collect(n { {{area_projection}} }) AS areas
}
RETURN size(nodes) AS nodeCount, size(edges) AS edgeCount, projectCount,
  COLLECT { MATCH (n:S3Area {id: $s3Area}) RETURN n { {{area_projection}} } } AS s3Area,
  CASE WHEN bounded THEN nodes ELSE [] END AS nodes,
  CASE WHEN bounded THEN [edge IN edges | {source: edge.source.id, target: edge.target.id,
    weight: edge.weight, areas: edge.areas}] ELSE [] END AS edges,
  areas
